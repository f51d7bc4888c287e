package org.publiccredit.subject.registry;

import java.util.Locale;
import java.util.Map;
import org.publiccredit.commons.problem.FieldProblem;

/** The stable codes of subject field errors and their messages (Chinese by default, English when asked). */
public final class FieldCodes {

    public static final String IDENTIFIER_MISSING = "IDENTIFIER_MISSING";
    public static final String IDENTIFIER_AMBIGUOUS = "IDENTIFIER_AMBIGUOUS";
    public static final String IDENTIFIER_MISMATCH = "IDENTIFIER_MISMATCH";
    public static final String FIELD_REQUIRED = "FIELD_REQUIRED";
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    public static final String FIELD_INVALID = "FIELD_INVALID";
    public static final String TYPE_UNKNOWN = "TYPE_UNKNOWN";
    public static final String SUBJECT_TYPE_MISMATCH = "SUBJECT_TYPE_MISMATCH";
    public static final String REGION_UNKNOWN = "REGION_UNKNOWN";
    public static final String DATE_INVALID = "DATE_INVALID";
    public static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";
    public static final String DATE_TOO_OLD = "DATE_TOO_OLD";
    public static final String STATUS_UNKNOWN = "STATUS_UNKNOWN";
    public static final String INDUSTRY_UNKNOWN = "INDUSTRY_UNKNOWN";
    public static final String SUBJECT_VERIFIED = "SUBJECT_VERIFIED";
    public static final String SHORT_NAMES_REGISTRATION_ONLY = "SHORT_NAMES_REGISTRATION_ONLY";
    public static final String SHORT_NAMES_TOO_MANY = "SHORT_NAMES_TOO_MANY";

    private static final Map<String, String[]> MESSAGES = Map.ofEntries(
            Map.entry(IDENTIFIER_MISSING, new String[] {"须填写统一社会信用代码（code）或居民身份证号码（idNumber）", "Give a unified social credit code (code) or an id number (idNumber)"}),
            Map.entry(IDENTIFIER_AMBIGUOUS, new String[] {"统一社会信用代码和居民身份证号码只能填写一个", "Give either a code or an id number, not both"}),
            Map.entry(IDENTIFIER_MISMATCH, new String[] {"请求中的标识与地址中的主体不一致", "The identifier in the body is not the subject of the path"}),
            Map.entry(FIELD_REQUIRED, new String[] {"必填", "Required"}),
            Map.entry(FIELD_TOO_LONG, new String[] {"超过最大长度{0}", "Longer than {0} characters"}),
            Map.entry(FIELD_INVALID, new String[] {"含有不允许的控制字符", "Contains control characters"}),
            Map.entry(TYPE_UNKNOWN, new String[] {"未知的主体类型", "Unknown subject type"}),
            Map.entry(SUBJECT_TYPE_MISMATCH, new String[] {"主体类型与统一社会信用代码不一致", "The subject type disagrees with the identifier"}),
            Map.entry(REGION_UNKNOWN, new String[] {"不是已知的6位行政区划代码", "Not a known 6-digit administrative division code"}),
            Map.entry(DATE_INVALID, new String[] {"日期格式应为yyyy-MM-dd", "Expected a date yyyy-MM-dd"}),
            Map.entry(DATE_IN_FUTURE, new String[] {"日期不能晚于今天", "The date is in the future"}),
            Map.entry(DATE_TOO_OLD, new String[] {"日期不能早于1949-10-01", "The date is before 1949-10-01"}),
            Map.entry(STATUS_UNKNOWN, new String[] {"未知的登记状态", "Unknown registration status"}),
            Map.entry(INDUSTRY_UNKNOWN, new String[] {"行业应为国民经济行业分类门类字母A-T", "Expected a GB/T 4754 section letter A-T"}),
            Map.entry(SUBJECT_VERIFIED, new String[] {"该主体已经登记机关核实，只有登记机关可以修改", "The subject was verified by a registration authority; only such a source may change it"}),
            Map.entry(SHORT_NAMES_REGISTRATION_ONLY, new String[] {"简称只能由登记机关或管理员设置", "Only the registration authority or an admin sets short names"}),
            Map.entry(SHORT_NAMES_TOO_MANY, new String[] {"简称最多{0}个", "At most {0} short names"}));

    private FieldCodes() {
    }

    /** A field problem with the message for the code in the locale's language (Chinese unless English). */
    public static FieldProblem problem(String field, String code, Locale locale, Object argument) {
        String[] texts = MESSAGES.get(code);
        String text = texts == null ? code : english(locale) ? texts[1] : texts[0];
        return new FieldProblem(field, code, text.replace("{0}", String.valueOf(argument)));
    }

    public static FieldProblem problem(String field, String code, Locale locale) {
        return problem(field, code, locale, "");
    }

    /** Chinese is the default; English only when asked for. */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
