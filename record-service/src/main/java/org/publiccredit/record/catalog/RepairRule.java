package org.publiccredit.record.catalog;

/**
 * Whether records of a category can be repaired (信用修复) on this platform, from when, and a note on how or why not.
 * Every repairable entry states when a repair can be filed ({@code from}); one without is refused when the catalog
 * loads, so no record can wait for a date nobody knows.
 *
 * @param repairable false for exclusions such as 失信被执行人 (removed by the court)
 * @param note free text shown with the rule
 * @param from when a repair can be filed: {@code MIN_PERIOD} (the day after the minimum publicity period of the record's
 *        class), {@code ON_CORRECTION} (as soon as the cause is corrected and proven: 经营异常名录), {@code AFTER_MONTHS}
 *        (the list's own early exit: {@code months} after the decision)
 * @param months for {@code AFTER_MONTHS}
 */
public record RepairRule(boolean repairable, String note, From from, Integer months) {

    /** When a repair can be filed. */
    public enum From { MIN_PERIOD, ON_CORRECTION, AFTER_MONTHS }
}
