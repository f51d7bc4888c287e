package org.publiccredit.record.catalog;

/**
 * Whether records of a category can be repaired (信用修复) on this platform, and a note on how or why not.
 *
 * @param repairable false for exclusions such as 失信被执行人 (removed by the court)
 * @param note free text shown with the rule
 */
public record RepairRule(boolean repairable, String note) {
}
