package org.publiccredit.subject.registry;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.subject.pii.PiiCrypto;
import org.publiccredit.subject.registry.SubjectView.Level;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Reads and single writes of the registry; visibility by {@link SubjectVisibility}. */
@Service
public class SubjectService {

    /**
     * A single write's answer.
     *
     * @param outcome CREATED, UPDATED or UNCHANGED
     * @param subject the subject as it now is
     */
    public record Written(SubjectWriter.Outcome outcome, Subject subject) {
    }

    private final SubjectStore store;
    private final SubjectWriter writer;
    private final SubjectValidator validator;
    private final SubjectsProperties properties;
    private final PiiCrypto crypto;
    private final Clock clock;

    SubjectService(SubjectStore store, SubjectWriter writer, SubjectValidator validator, SubjectsProperties properties,
            PiiCrypto crypto, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.validator = validator;
        this.properties = properties;
        this.crypto = crypto;
        this.clock = clock;
    }

    /** A subject by its code or id as {@code caller} may see it; anything else is 404. */
    public SubjectView view(String key, Caller caller) {
        Subject subject = find(key).orElseThrow(() -> ApiException.notFound("Subject"));
        Level level = SubjectVisibility.levelFor(subject, caller).orElseThrow(() -> ApiException.notFound("Subject"));
        return SubjectView.of(subject, level);
    }

    /** The caller's own subject: an enterprise user's by the {@code uscc} claim, a citizen's by the {@code id_number} claim. */
    public SubjectView mine(Caller caller) {
        Optional<Subject> own = Optional.empty();
        if (caller.usccClaim().isPresent()) {
            own = store.findByCode(Identifiers.normalize(caller.uscc()));
        } else if (caller.idNumberClaim().isPresent()) {
            IdentifierCheck check = IdNumber.check(caller.idNumber(), clock);
            if (check.valid()) {
                own = store.findByHash(crypto.hash(IdNumber.parse(caller.idNumber(), clock)));
            }
        }
        return own.map(s -> SubjectView.of(s, Level.FULL)).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "SUBJECT_NOT_REGISTERED", "No subject is registered for the code or id number of your account"));
    }

    /** POST: creates or updates the subject of the input's identifier (idempotent on it). */
    public Written upsert(SubjectInput input, Caller caller, Locale locale) {
        return writeOne(checked(input, locale), caller, locale);
    }

    /** PUT: updates an existing subject; the identifier in the body, when given, must be the path's. */
    public Written replace(String key, SubjectInput input, Caller caller, Locale locale) {
        Subject existing = find(key).orElseThrow(() -> ApiException.notFound("Subject"));
        SubjectInput completed = input;
        if (existing.person()) {
            if (input.code() != null && !input.code().isBlank()) {
                throw mismatch(locale);
            }
            if (input.idNumber() == null || input.idNumber().isBlank()) {
                // a person's number is never sent back to the writer, so a PUT by id may leave it out
                throw ApiException.invalid("VALIDATION_FAILED", "A natural person's PUT carries the id number",
                        List.of(FieldCodes.problem("idNumber", FieldCodes.FIELD_REQUIRED, locale)));
            }
        } else {
            if (input.idNumber() != null && !input.idNumber().isBlank()) {
                throw mismatch(locale);
            }
            completed = new SubjectInput(input.code() == null || input.code().isBlank() ? existing.code() : input.code(), null,
                    input.name(), input.type(), input.region(), input.legalRepresentative(), input.registrationDate(),
                    input.registrationStatus(), input.industry(), input.address(), input.shortNames());
        }
        SubjectDraft draft = checked(completed, locale);
        boolean same = existing.person()
                ? Arrays.equals(crypto.hash(draft.idNumber()), existing.idHash())
                : draft.uscc() != null && draft.uscc().value().equals(existing.code());
        if (!same) {
            throw mismatch(locale);
        }
        return writeOne(draft, caller, locale);
    }

    public Optional<Subject> byId(UUID id) {
        return store.findById(id);
    }

    /** A subject by the keyed hash of a valid id number. */
    public Optional<Subject> byIdNumber(IdNumber number) {
        return store.findByHash(crypto.hash(number));
    }

    /** By id (a UUID) or code (a valid USCC); never by an id number, which does not belong in a URL. */
    public Optional<Subject> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.length() == 36 && key.charAt(8) == '-') {
            try {
                return store.findById(UUID.fromString(key));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        IdentifierCheck check = Uscc.check(key);
        if (check.valid()) {
            return store.findByCode(check.normalized());
        }
        // an organisation code (GB 11714) is characters 9-17 of the USCC: it finds the subject whose code contains it
        return org.publiccredit.commons.id.OrgCode.parse(key).flatMap(store::findByOrgCode);
    }

    private SubjectDraft checked(SubjectInput input, Locale locale) {
        SubjectValidator.Result result = validator.validate(input, locale);
        if (!result.valid()) {
            List<FieldProblem> problems = result.problems();
            String code = problems.stream().anyMatch(p -> p.code().startsWith("USCC_") || p.code().startsWith("ID_NUMBER_")
                    || p.code().startsWith("IDENTIFIER_")) ? "IDENTIFIER_INVALID"
                    : problems.stream().anyMatch(p -> p.code().equals(FieldCodes.SUBJECT_TYPE_MISMATCH)) ? FieldCodes.SUBJECT_TYPE_MISMATCH
                    : "VALIDATION_FAILED";
            throw ApiException.invalid(code, "The subject has invalid fields", problems);
        }
        return result.draft();
    }

    private Written writeOne(SubjectDraft draft, Caller caller, Locale locale) {
        SubjectWriter.Result result = writer.write(List.of(draft), Writer.of(caller, properties.registrationSources()), locale).getFirst();
        if (result.outcome() == SubjectWriter.Outcome.REJECTED
                && result.problems().stream().anyMatch(p -> p.code().equals(FieldCodes.SHORT_NAMES_REGISTRATION_ONLY))) {
            throw new ApiException(HttpStatus.FORBIDDEN, FieldCodes.SHORT_NAMES_REGISTRATION_ONLY,
                    "Only the registration authority or an admin sets short names", result.problems());
        }
        if (result.outcome() == SubjectWriter.Outcome.REJECTED) {
            throw new ApiException(HttpStatus.CONFLICT, FieldCodes.SUBJECT_VERIFIED,
                    "The subject was verified by a registration authority; only such a source may change it", result.problems());
        }
        return new Written(result.outcome(), result.subject());
    }

    private static ApiException mismatch(Locale locale) {
        return ApiException.invalid(FieldCodes.IDENTIFIER_MISMATCH, "The identifier in the body is not the subject of the path",
                List.of(FieldCodes.problem("code", FieldCodes.IDENTIFIER_MISMATCH, locale)));
    }
}
