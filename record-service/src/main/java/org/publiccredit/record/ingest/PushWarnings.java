package org.publiccredit.record.ingest;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.record.catalog.PublicityRule;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.publicity.Publicity;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.publiccredit.record.record.RecordState;

/**
 * What the platform does differently from what a stored row says, told in the answer and the per-row report instead of
 * silently: the registry knows the subject by another name (the row's name is kept as the decision's 行政相对人名称, the
 * registry's is shown everywhere else), or the stated end of publicity lies outside the window of the record's class and
 * the policy will use another day.
 */
final class PushWarnings {

    static final String NAME_DIFFERS = "SUBJECT_NAME_DIFFERS";
    static final String PUBLICITY_RAISED = "PUBLICITY_UNTIL_RAISED";
    static final String PUBLICITY_LOWERED = "PUBLICITY_UNTIL_LOWERED";

    private PushWarnings() {
    }

    static List<FieldProblem> of(RowValidator.ValidRow v, SubjectRef ref, PublicityPolicy policy, LocalDate today) {
        List<FieldProblem> warnings = new ArrayList<>();
        if (ref != null && !ref.created() && ref.name() != null && v.name() != null && !comparable(ref.name()).equals(comparable(v.name()))) {
            warnings.add(new FieldProblem("subject.name", NAME_DIFFERS,
                    "the registry's name of " + (ref.code() != null ? ref.code() : "the subject") + " is " + ref.name()
                            + "; the platform shows that name, the record keeps yours as the decision's 行政相对人名称"));
        }
        PublicityRule rule = v.entry().publicity();
        String endField = rule == null ? null : rule.endField();
        String stated = endField == null ? null : v.fields().get(endField);
        if (stated != null) {
            LocalDate asked;
            try {
                asked = LocalDate.parse(stated.strip());
            } catch (java.time.DateTimeException e) {
                return warnings; // the validator reports a bad date; nothing to compare
            }
            Publicity p = policy.decide(RecordState.ACTIVE, v.decisionDate(), v.fields(),
                    v.kind() != org.publiccredit.commons.id.IdentifierKind.USCC, v.entry(), today);
            if (p.publicUntil() != null && p.publicUntil().isAfter(asked)) {
                warnings.add(new FieldProblem("fields." + endField, PUBLICITY_RAISED, "raised to " + p.publicUntil()
                        + ": the minimum publicity of " + (p.severity() != null ? "a " + p.severity() + " record" : "this category")
                        + " ends then"));
            } else if (p.publicUntil() != null && p.publicUntil().isBefore(asked)) {
                warnings.add(new FieldProblem("fields." + endField, PUBLICITY_LOWERED, "lowered to " + p.publicUntil()
                        + ": the maximum publicity of " + (p.severity() != null ? "a " + p.severity() + " record" : "this category")
                        + " ends then"));
            }
        }
        return warnings;
    }

    /** Names compared as people read them: full-width and half-width alike, spaces ignored. */
    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
