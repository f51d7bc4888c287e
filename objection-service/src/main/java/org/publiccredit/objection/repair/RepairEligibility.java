package org.publiccredit.objection.repair;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.publiccredit.commons.i18n.Languages;
import org.publiccredit.commons.i18n.Messages;
import org.publiccredit.objection.client.RecordView;

/**
 * Whether a record can be repaired (信用修复) now, condition by condition (DOMAIN.md section 5, 信用修复管理办法):
 * a repairable category, the minimum publicity period passed, the record public now, the obligations fulfilled,
 * and no other open case for the record. That the record is the applicant's own is checked before (403).
 *
 * <p>Obligations are modelled as the applicant's declaration (a statement of how and when the penalty or
 * obligation was fulfilled) plus at least one PROOF file such as the fine receipt, both given when filing; the
 * department verifies them in its review. Before filing this condition is therefore reported as "to be declared".
 */
public final class RepairEligibility {

    private RepairEligibility() {
    }

    /** The conditions, in the order they are shown. */
    public enum Condition { REPAIRABLE_CATEGORY, MIN_PUBLICITY_PASSED, PUBLIC_NOW, OBLIGATIONS_FULFILLED, NO_OPEN_CASE }

    /**
     * One condition's result.
     *
     * @param condition which
     * @param met true or false; null when it is decided only at filing (the obligations before filing)
     * @param code the failure code when not met (e.g. MIN_PUBLICITY_NOT_PASSED), else null
     * @param message what it means for the applicant, in his language (the bundles' {@code eligibility.…} keys)
     */
    public record Check(Condition condition, Boolean met, String code, String message) {
    }

    /**
     * The applicant's declaration on filing.
     *
     * @param fulfilled the applicant declares the obligations fulfilled
     * @param statement how and when (e.g. "罚款已于2026-05-20缴清")
     * @param proofFiles how many PROOF files are attached
     */
    public record Declaration(boolean fulfilled, String statement, int proofFiles) {
    }

    /**
     * The result.
     *
     * @param eligible every decidable condition is met (and, at filing, the declaration too)
     * @param eligibleFrom the first day the minimum publicity period no longer stands in the way
     * @param checks each condition
     */
    public record Result(boolean eligible, LocalDate eligibleFrom, List<Check> checks) {
        public List<Check> failed() {
            return checks.stream().filter(c -> Boolean.FALSE.equals(c.met())).toList();
        }
    }

    /**
     * The first day a repair may be filed by the category's rule: record-service states it ({@code repairableFrom}, from the
     * catalog: the day after the minimum publicity period of the record's class, at once on correction, or the list's early
     * exit); an older record-service gives only {@code minPublicityUntil}, the last day of the minimum period.
     */
    public static LocalDate eligibleFrom(RecordView record) {
        if (record.repairableFrom() != null) {
            return record.repairableFrom();
        }
        return record.minPublicityUntil() == null ? null : record.minPublicityUntil().plusDays(1);
    }

    /**
     * @param record the record as record-service shows it now
     * @param openCase another case (objection or repair) about the record is open
     * @param declaration the applicant's declaration, or null before filing
     * @param today today in Asia/Shanghai
     */
    public static Result evaluate(RecordView record, boolean openCase, Declaration declaration, LocalDate today) {
        List<Check> checks = new ArrayList<>();
        checks.add(record.repairable()
                ? ok(Condition.REPAIRABLE_CATEGORY, text("met", Condition.REPAIRABLE_CATEGORY, "records of this category can be repaired"))
                : fail(Condition.REPAIRABLE_CATEGORY, "NOT_REPAIRABLE_CATEGORY", "records of this category cannot be repaired on this platform "
                        + "(excluded by law, regulation or policy, or removed by their authority)"));
        LocalDate from = eligibleFrom(record);
        if (from == null) {
            checks.add(fail(Condition.MIN_PUBLICITY_PASSED, "MIN_PUBLICITY_UNKNOWN", "the record has no minimum publicity period"));
        } else if (today.isBefore(from)) {
            checks.add(fail(Condition.MIN_PUBLICITY_PASSED, "MIN_PUBLICITY_NOT_PASSED",
                    "the minimum publicity period has not passed; a repair can be filed from " + from, from));
        } else {
            checks.add(ok(Condition.MIN_PUBLICITY_PASSED, text("met", Condition.MIN_PUBLICITY_PASSED,
                    "the minimum publicity period has passed (repairs possible from " + from + ")", from)));
        }
        checks.add(record.publicNow()
                ? ok(Condition.PUBLIC_NOW, text("met", Condition.PUBLIC_NOW, "the record is public now"))
                : fail(Condition.PUBLIC_NOW, "RECORD_NOT_PUBLIC", "only a record that is public now can be repaired"));
        if (declaration == null) {
            checks.add(new Check(Condition.OBLIGATIONS_FULFILLED, null, null, text("undecided", Condition.OBLIGATIONS_FULFILLED,
                    "declare when filing that the penalty and obligations are fulfilled, with proof attached (e.g. the fine receipt)")));
        } else if (!declaration.fulfilled() || declaration.statement() == null || declaration.statement().isBlank()) {
            checks.add(fail(Condition.OBLIGATIONS_FULFILLED, "OBLIGATIONS_NOT_DECLARED",
                    "declare that the obligations are fulfilled and say how and when"));
        } else if (declaration.proofFiles() < 1) {
            checks.add(fail(Condition.OBLIGATIONS_FULFILLED, "OBLIGATION_PROOF_MISSING",
                    "attach proof that the obligations are fulfilled (a PROOF file, e.g. the fine receipt)"));
        } else {
            checks.add(ok(Condition.OBLIGATIONS_FULFILLED, text("met", Condition.OBLIGATIONS_FULFILLED,
                    "declared fulfilled, with " + declaration.proofFiles() + " proof file(s)", declaration.proofFiles())));
        }
        checks.add(openCase
                ? fail(Condition.NO_OPEN_CASE, "CASE_ALREADY_OPEN", "another objection or repair of this record is still open")
                : ok(Condition.NO_OPEN_CASE, text("met", Condition.NO_OPEN_CASE, "no other case of this record is open")));
        boolean eligible = checks.stream().noneMatch(c -> Boolean.FALSE.equals(c.met()));
        return new Result(eligible, from, List.copyOf(checks));
    }

    private static Check ok(Condition c, String message) {
        return new Check(c, true, null, message);
    }

    /** A failed condition, its message the bundles' {@code eligibility.<CONDITION>.<CODE>} in the reader's language. */
    private static Check fail(Condition c, String code, String message, Object... args) {
        return new Check(c, false, code, text(code, c, message, args));
    }

    /**
     * The bundles' {@code eligibility.<CONDITION>.<outcome>} in the language of the request being answered (the
     * applicant's {@code Accept-Language}; zh-CN by default), {@code english} when no bundle has it.
     */
    private static String text(String outcome, Condition c, String english, Object... args) {
        return Messages.shared().text("eligibility." + c.name() + "." + outcome, english, Languages.current(), args);
    }
}
