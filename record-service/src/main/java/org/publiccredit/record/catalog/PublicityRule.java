package org.publiccredit.record.catalog;

import java.util.List;
import java.util.Map;

/**
 * How long a category's records are public (公示期限). The window starts at {@code startField} (a DATE field) or the
 * decision date; it ends at {@code endField} when the record carries it, else after {@code defaultMonths}, else after
 * {@code maxMonths}, else never (until revoked); the end is then kept within [start + minMonths, start + maxMonths].
 * Interpreted only by {@code publicity.PublicityPolicy}.
 *
 * @param descriptionZh the rule in words
 * @param descriptionEn the rule in words
 * @param startField DATE field that starts the window (e.g. a licence's validFrom), or null for the decision date
 * @param endField DATE field that ends it "as decided" (e.g. listedUntil), or null
 * @param defaultMonths window length when the record gives no end
 * @param minMonths the minimum publicity period (also the earliest repair)
 * @param maxMonths the longest window
 * @param extendedMinimum a longer minimum for some values of a field (特种设备, 安全生产, 消防 penalties)
 * @param notPublishedWhen conditions (all field values equal) under which a record is never published
 * @param requireEquals field values a record must have to be in force (e.g. a licence's status 有效)
 */
public record PublicityRule(String descriptionZh, String descriptionEn, String startField, String endField,
        Integer defaultMonths, Integer minMonths, Integer maxMonths, ExtendedMinimum extendedMinimum,
        List<Map<String, String>> notPublishedWhen, Map<String, String> requireEquals) {

    public PublicityRule {
        notPublishedWhen = notPublishedWhen == null ? List.of() : notPublishedWhen.stream().map(Map::copyOf).toList();
        requireEquals = requireEquals == null ? Map.of() : Map.copyOf(requireEquals);
    }

    /**
     * A longer minimum publicity period for records whose {@code field} has one of {@code values}.
     *
     * @param field the field, e.g. violationType (违法行为类型)
     * @param values e.g. 特种设备, 安全生产, 消防
     * @param minMonths e.g. 12
     */
    public record ExtendedMinimum(String field, List<String> values, int minMonths) {
        public ExtendedMinimum {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
