package org.publiccredit.report.issue;

import java.util.Map;
import java.util.regex.Pattern;
import org.publiccredit.commons.id.IdNumber;

/** The words a report uses for codes (zh), and the masking of id numbers in any text it prints. */
final class ReportTexts {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("PUBLIC", "公示中"),
            Map.entry("NOT_PUBLIC_CATEGORY", "该类信息按目录规定不予公示"),
            Map.entry("NATURAL_PERSON_NOT_PUBLIC", "自然人信息不予公示"),
            Map.entry("NOT_PUBLISHED_BY_RULE", "按规定不予公示（如适用简易程序的轻微违法行为）"),
            Map.entry("NOT_IN_FORCE", "不在有效期内"),
            Map.entry("NOT_YET", "尚未到公示起始日"),
            Map.entry("EXPIRED", "公示期已届满"),
            Map.entry("REVOKED", "已被数据提供单位撤销"),
            Map.entry("REPAIRED", "已完成信用修复"),
            Map.entry("CORRECTED", "已更正，被新版本替代"));

    private static final Map<String, String> STATES = Map.of(
            "ACTIVE", "有效",
            "DISPUTED", "异议处理中",
            "REPAIRED", "已信用修复",
            "REVOKED", "已撤销",
            "CORRECTED", "已更正");

    private static final Map<String, String> DEPARTMENTS = Map.ofEntries(
            Map.entry("market", "市场监督管理部门"),
            Map.entry("tax", "税务部门"),
            Map.entry("court", "人民法院"),
            Map.entry("emergency", "应急管理部门"),
            Map.entry("finance", "财政部门"),
            Map.entry("hr", "人力资源和社会保障部门"),
            Map.entry("customs", "海关"),
            Map.entry("statistics", "统计部门"),
            Map.entry("bank", "金融机构"));

    private ReportTexts() {
    }

    /** Why a record is not public, in words (record-service's publicReason codes). */
    static String reason(String code) {
        return code == null ? "未公示" : REASONS.getOrDefault(code, code);
    }

    static String state(String code) {
        return code == null ? "—" : STATES.getOrDefault(code, code);
    }

    static String department(String code) {
        return code == null ? "—" : DEPARTMENTS.getOrDefault(code, code);
    }

    /**
     * Any id number in a text, masked to its first 6 and last 4 characters. A candidate must pass the GB 11643 check
     * (region, date, check character), so an all-digit USCC or a long document number stays as it is.
     */
    static String maskIdNumbers(String text) {
        if (text == null) {
            return null;
        }
        return ID_NUMBER.matcher(text).replaceAll(m -> IdNumber.check(m.group()).valid()
                ? m.group(1) + "********" + m.group(2) : java.util.regex.Matcher.quoteReplacement(m.group()));
    }
}
