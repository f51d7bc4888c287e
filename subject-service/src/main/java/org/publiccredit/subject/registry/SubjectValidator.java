package org.publiccredit.subject.registry;

import static org.publiccredit.subject.registry.FieldCodes.problem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierError;
import org.publiccredit.commons.id.Regions;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.id.SubjectTypeRule;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.commons.problem.FieldProblem;

/**
 * Checks a {@link SubjectInput} field by field and reports every problem at once (field, stable code, message in the
 * caller's language). The same checks serve the JSON API, NDJSON and CSV imports.
 */
@org.springframework.stereotype.Component
public final class SubjectValidator {

    static final int NAME_MAX = 200;
    static final int PERSON_MAX = 100;
    static final int ADDRESS_MAX = 500;
    static final int SHORT_NAME_MAX = 50;
    static final int SHORT_NAMES_MAX = 10;
    /** No subject of this registry was registered before the People's Republic was founded. */
    static final LocalDate REGISTRATION_EARLIEST = LocalDate.of(1949, 10, 1);

    private final Clock clock;

    public SubjectValidator(Clock clock) {
        this.clock = clock;
    }

    /** The outcome: a draft, or the problems (never both). */
    public record Result(SubjectDraft draft, List<FieldProblem> problems) {
        public boolean valid() {
            return draft != null;
        }
    }

    public Result validate(SubjectInput in, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>(2);
        boolean hasCode = !blank(in.code());
        boolean hasIdNumber = !blank(in.idNumber());
        Uscc uscc = null;
        IdNumber idNumber = null;
        if (hasCode && hasIdNumber) {
            problems.add(problem("code", FieldCodes.IDENTIFIER_AMBIGUOUS, locale));
        } else if (!hasCode && !hasIdNumber) {
            problems.add(problem("code", FieldCodes.IDENTIFIER_MISSING, locale));
        } else if (hasCode) {
            IdentifierCheck check = Uscc.check(in.code());
            if (check.valid()) {
                uscc = Uscc.parse(check.normalized());
            } else {
                addIdentifierErrors(problems, "code", check, locale);
            }
        } else {
            IdentifierCheck check = IdNumber.check(in.idNumber(), clock);
            if (check.valid()) {
                idNumber = IdNumber.parse(in.idNumber(), clock);
            } else {
                addIdentifierErrors(problems, "idNumber", check, locale);
            }
        }

        String name = text(in.name(), "name", NAME_MAX, true, problems, locale);
        String legalRepresentative = text(in.legalRepresentative(), "legalRepresentative", PERSON_MAX, false, problems, locale);
        String address = text(in.address(), "address", ADDRESS_MAX, false, problems, locale);

        SubjectType stated = parse(in.type(), "type", SubjectType::parse, FieldCodes.TYPE_UNKNOWN, problems, locale);
        SubjectType type = null;
        if ((uscc != null || idNumber != null) && (stated != null || blank(in.type()))) {
            type = (uscc != null ? SubjectTypeRule.forOrganisation(uscc, stated) : SubjectTypeRule.forPerson(stated)).orElse(null);
            if (type == null) {
                problems.add(problem("type", FieldCodes.SUBJECT_TYPE_MISMATCH, locale));
            }
        }

        String region = null;
        if (!blank(in.region())) {
            region = in.region().strip();
            if (!Regions.known(region)) {
                problems.add(problem("region", FieldCodes.REGION_UNKNOWN, locale));
                region = null;
            }
        } else if (uscc != null) {
            region = uscc.regionCode();
        } else if (idNumber != null) {
            region = idNumber.regionCode();
        }

        LocalDate registrationDate = date(in.registrationDate(), "registrationDate", REGISTRATION_EARLIEST, problems, locale);
        RegistrationStatus status = parse(in.registrationStatus(), "registrationStatus", RegistrationStatus::parse,
                FieldCodes.STATUS_UNKNOWN, problems, locale);
        Industry industry = parse(in.industry(), "industry", Industry::parse, FieldCodes.INDUSTRY_UNKNOWN, problems, locale);

        List<String> shortNames = shortNames(in.shortNames(), problems, locale);

        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new SubjectDraft(uscc, idNumber, name, type, region, legalRepresentative, registrationDate, status,
                industry, address, shortNames), List.of());
    }

    /** The identifier errors of a check as field problems, in the caller's language. */
    public static void addIdentifierErrors(List<FieldProblem> problems, String field, IdentifierCheck check, Locale locale) {
        for (IdentifierError e : check.errors()) {
            problems.add(new FieldProblem(field, e.code(), FieldCodes.english(locale) ? e.messageEn() : e.messageZh()));
        }
    }

    /** Short names: null keeps the stored ones; each 1-50 characters, at most 10, duplicates dropped. */
    private static List<String> shortNames(List<String> raw, List<FieldProblem> problems, Locale locale) {
        if (raw == null) {
            return null;
        }
        if (raw.size() > SHORT_NAMES_MAX) {
            problems.add(problem("shortNames", FieldCodes.SHORT_NAMES_TOO_MANY, locale, SHORT_NAMES_MAX));
            return null;
        }
        List<String> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String value = text(raw.get(i), "shortNames[" + i + "]", SHORT_NAME_MAX, true, problems, locale);
            if (value != null && !out.contains(value)) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    private static String text(String raw, String field, int max, boolean required, List<FieldProblem> problems, Locale locale) {
        if (blank(raw)) {
            if (required) {
                problems.add(problem(field, FieldCodes.FIELD_REQUIRED, locale));
            }
            return null;
        }
        String value = raw.strip();
        if (value.codePointCount(0, value.length()) > max) {
            problems.add(problem(field, FieldCodes.FIELD_TOO_LONG, locale, max));
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(problem(field, FieldCodes.FIELD_INVALID, locale));
            return null;
        }
        return value;
    }

    private static <T> T parse(String raw, String field, Function<String, Optional<T>> parser, String code,
            List<FieldProblem> problems, Locale locale) {
        if (blank(raw)) {
            return null;
        }
        Optional<T> value = parser.apply(raw);
        if (value.isEmpty()) {
            problems.add(problem(field, code, locale));
            return null;
        }
        return value.get();
    }

    /**
     * A date of the past, not before {@code earliest}: the one date rule of every write path (API, PUT, imports).
     */
    private LocalDate date(String raw, String field, LocalDate earliest, List<FieldProblem> problems, Locale locale) {
        if (blank(raw)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(problem(field, FieldCodes.DATE_INVALID, locale));
            return null;
        }
        if (date.isAfter(LocalDate.now(clock))) {
            problems.add(problem(field, FieldCodes.DATE_IN_FUTURE, locale));
            return null;
        }
        if (date.isBefore(earliest)) {
            problems.add(problem(field, FieldCodes.DATE_TOO_OLD, locale));
            return null;
        }
        return date;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
