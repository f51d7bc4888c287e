package org.publiccredit.record.catalog;

/**
 * A credit-check scenario (联合奖惩应用场景), e.g. GOV_PROCUREMENT 政府采购.
 *
 * @param code stable code
 * @param nameZh Chinese name
 * @param nameEn English name
 */
public record Scenario(String code, String nameZh, String nameEn) {
}
