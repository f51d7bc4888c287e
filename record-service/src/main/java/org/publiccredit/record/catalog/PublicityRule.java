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
 * @param severity the classes of negative information (轻微 / 一般 / 严重, 信用修复管理办法 2026) with a window each, or null
 */
public record PublicityRule(String descriptionZh, String descriptionEn, String startField, String endField,
        Integer defaultMonths, Integer minMonths, Integer maxMonths, ExtendedMinimum extendedMinimum,
        List<Map<String, String>> notPublishedWhen, Map<String, String> requireEquals, Severity severity) {

    public PublicityRule {
        notPublishedWhen = notPublishedWhen == null ? List.of() : notPublishedWhen.stream().map(Map::copyOf).toList();
        requireEquals = requireEquals == null ? Map.of() : Map.copyOf(requireEquals);
    }

    /**
     * The class of a record's negative information (失信程度) and the publicity window of each class. The class is the
     * record's {@code field} when the department sends a known class, else the first of {@code defaults} that matches,
     * else {@code otherwise}.
     *
     * @param field the record field that states the class (e.g. severity, 失信程度)
     * @param windows class → its window
     * @param defaults the class of a record that states none, tried in order
     * @param otherwise the class when no default matches (一般)
     */
    public record Severity(String field, Map<String, Window> windows, List<Default> defaults, String otherwise) {
        public Severity {
            windows = windows == null ? Map.of() : Map.copyOf(windows);
            defaults = defaults == null ? List.of() : List.copyOf(defaults);
        }
    }

    /**
     * The publicity window of a class.
     *
     * @param published whether records of the class are published at all (轻微: no)
     * @param minMonths the minimum publicity period (also the earliest repair)
     * @param maxMonths the longest window
     */
    public record Window(boolean published, Integer minMonths, Integer maxMonths) {
    }

    /**
     * A default class: the record has it when its {@code field} matches. The value is read as parts (separated by
     * ; ， 、 / and spaces): {@code anyOf} matches when a part contains one of the words, {@code onlyOf} when every part
     * is one of them, {@code above} when the value is a number greater than it.
     *
     * @param severity the class
     * @param field the field read
     * @param anyOf words of which one suffices (吊销, 责令关闭 …)
     * @param onlyOf words the value consists of alone (警告, 通报批评)
     * @param above a number the value must exceed (a fine in 万元)
     */
    public record Default(String severity, String field, List<String> anyOf, List<String> onlyOf, java.math.BigDecimal above) {
        public Default {
            anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
            onlyOf = onlyOf == null ? List.of() : List.copyOf(onlyOf);
        }
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
