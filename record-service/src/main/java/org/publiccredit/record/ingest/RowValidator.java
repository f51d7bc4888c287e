package org.publiccredit.record.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierError;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.id.SubjectType;
import org.publiccredit.commons.id.SubjectTypeRule;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.FieldValidation;
import org.publiccredit.record.creditrecord.DecisionDate;

/** Checks one pushed record before anything is stored: category, supplier right, identifier, envelope, fields. */
final class RowValidator {

    /** Problem code of a department pushing a category it does not supply. */
    static final String NOT_SUPPLIER = "DEPARTMENT_NOT_SUPPLIER";

    private RowValidator() {
    }

    /**
     * A row that passed every check, normalised.
     *
     * @param entry the catalog entry
     * @param identifier normalised identifier (may be a raw id number: never log it)
     * @param kind its kind
     * @param name subject name
     * @param type subject type (stated, or the identifier's; {@link SubjectTypeRule})
     * @param documentNumber trimmed document number
     * @param decisionDate decision date
     * @param fields normalised fields
     */
    record ValidRow(CatalogEntry entry, String identifier, IdentifierKind kind, String name, String type, String documentNumber,
            LocalDate decisionDate, Map<String, String> fields) {
    }

    /**
     * The outcome: a valid row or the problems.
     *
     * @param row the valid row, or null
     * @param problems the problems (empty when valid)
     */
    record Outcome(ValidRow row, List<FieldProblem> problems) {
        boolean notSupplier() {
            return problems.stream().anyMatch(p -> p.code().equals(NOT_SUPPLIER));
        }
    }

    static Outcome validate(RecordInput in, String department, Catalog catalog, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        CatalogEntry entry = catalog.find(in.category() == null ? null : in.category().strip()).orElse(null);
        if (entry == null) {
            p.add(new FieldProblem("category", in.category() == null || in.category().isBlank() ? "FIELD_REQUIRED" : "CATEGORY_UNKNOWN",
                    "a catalog code is required"));
        } else if (!entry.suppliedBy(department)) {
            p.add(new FieldProblem("category", NOT_SUPPLIER, "your department does not supply " + entry.code()));
            return new Outcome(null, p);
        }
        RecordInput.SubjectInput s = in.subject();
        String identifier = null;
        IdentifierKind kind = null;
        String type = null;
        if (s == null) {
            p.add(new FieldProblem("subject", "FIELD_REQUIRED", "the subject is required"));
        } else {
            IdentifierCheck check = Identifiers.check(s.identifier());
            if (!check.valid()) {
                for (IdentifierError e : check.errors()) {
                    p.add(new FieldProblem("subject.identifier", e.code(), e.messageEn()));
                }
            } else {
                identifier = check.normalized();
                kind = check.kind();
                boolean typeGiven = s.type() != null && !s.type().isBlank();
                SubjectType stated = typeGiven ? SubjectType.parse(s.type()).orElse(null) : null;
                if (typeGiven && stated == null) {
                    p.add(new FieldProblem("subject.type", "SUBJECT_TYPE_UNKNOWN", "not a subject type"));
                } else {
                    SubjectType agreed = SubjectTypeRule.forIdentifier(check, stated).orElse(null);
                    if (agreed == null) {
                        p.add(new FieldProblem("subject.type", "SUBJECT_TYPE_MISMATCH",
                                "the identifier is not of type " + stated.name()));
                    } else {
                        type = agreed.name();
                    }
                }
            }
            if (s.name() == null || s.name().isBlank()) {
                p.add(new FieldProblem("subject.name", "FIELD_REQUIRED", "the subject's name is required"));
            } else if (s.name().strip().length() > 200) {
                p.add(new FieldProblem("subject.name", "FIELD_TOO_LONG", "at most 200 characters"));
            }
        }
        String number = in.documentNumber() == null ? "" : in.documentNumber().strip();
        if (number.isEmpty()) {
            p.add(new FieldProblem("documentNumber", "FIELD_REQUIRED", "the decision document number is required"));
        } else if (number.length() > 100) {
            p.add(new FieldProblem("documentNumber", "FIELD_TOO_LONG", "at most 100 characters"));
        }
        LocalDate decisionDate = null;
        if (in.decisionDate() == null || in.decisionDate().isBlank()) {
            p.add(new FieldProblem("decisionDate", "FIELD_REQUIRED", "the decision date is required"));
        } else {
            try {
                decisionDate = LocalDate.parse(in.decisionDate().strip());
                DecisionDate.check(decisionDate, today).ifPresent(p::add);
            } catch (DateTimeParseException e) {
                p.add(new FieldProblem("decisionDate", "FIELD_DATE_INVALID", "an ISO date, e.g. 2026-03-01"));
            }
        }
        Map<String, String> fields = Map.of();
        if (entry != null) {
            FieldValidation.Result r = FieldValidation.validate(entry, in.fields());
            p.addAll(r.problems());
            fields = r.fields();
        }
        if (!p.isEmpty()) {
            return new Outcome(null, List.copyOf(p));
        }
        return new Outcome(new ValidRow(entry, identifier, kind, s.name().strip(), type, number, decisionDate, fields), List.of());
    }
}
