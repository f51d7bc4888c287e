package org.publiccredit.record.ingest;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.record.catalog.PublicityRule;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.creditrecord.RecordState;
import org.publiccredit.record.publicity.Publicity;
import org.publiccredit.record.publicity.PublicityPolicy;

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

    /** Whose publicity window applies, in both languages: the record's class (轻微 / 一般 / 严重) or the category's. */
    private static org.publiccredit.commons.i18n.Text whose(Object severity) {
        if (severity == null) {
            return new org.publiccredit.commons.i18n.Text("该类别", "this category");
        }
        String zh = severity.toString();
        return new org.publiccredit.commons.i18n.Text(zh, switch (zh) {
            case "轻微" -> "a minor record";
            case "一般" -> "an ordinary record";
            case "严重" -> "a serious record";
            default -> "this class";
        });
    }

    static List<FieldProblem> of(RowValidator.ValidRow v, SubjectRef ref, PublicityPolicy policy, LocalDate today) {
        List<FieldProblem> warnings = new ArrayList<>();
        if (ref != null && !ref.created() && ref.name() != null && v.name() != null && !comparable(ref.name()).equals(comparable(v.name()))) {
            warnings.add(FieldProblem.of("subject.name", NAME_DIFFERS, null, ref.name()));
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
                warnings.add(FieldProblem.of("fields." + endField, PUBLICITY_RAISED, null, p.publicUntil(), whose(p.severity())));
            } else if (p.publicUntil() != null && p.publicUntil().isBefore(asked)) {
                warnings.add(FieldProblem.of("fields." + endField, PUBLICITY_LOWERED, null, p.publicUntil(), whose(p.severity())));
            }
        }
        return warnings;
    }

    /** Names compared as people read them: full-width and half-width alike, spaces ignored. */
    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
