package org.publiccredit.record.catalog;

/**
 * A joint measure (联合奖惩措施) that a category triggers in a scenario.
 *
 * @param code stable code, e.g. RESTRICT_PROCUREMENT
 * @param nameZh e.g. 限制参与政府采购
 * @param nameEn English name
 */
public record Measure(String code, String nameZh, String nameEn) {
}
