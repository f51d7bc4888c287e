package org.publiccredit.report.issue;

import org.publiccredit.commons.calendar.PlatformZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.publiccredit.report.client.Catalog;
import org.publiccredit.report.client.EvaluationView;
import org.publiccredit.report.client.Registration;
import org.publiccredit.report.client.ReportRecord;
import org.publiccredit.report.client.SubjectRef;
import org.publiccredit.report.render.ReportDocument;
import org.publiccredit.report.render.ReportDocument.Entry;
import org.publiccredit.report.render.ReportDocument.Row;
import org.publiccredit.report.render.ReportDocument.Section;

/**
 * Puts a report's content in words, in the sections of the national credit report (DOMAIN.md section 8): registration,
 * administrative management (licences, penalties), honours (red lists), serious-dishonesty lists, the abnormal-operation
 * list, commitments, evaluations, judicial records, others, and how to improve. Every record carries its 异议中 label;
 * in the full edition a record that is not public says why.
 */
final class ReportComposer {

    static final ZoneId SHANGHAI = PlatformZone.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss").withZone(SHANGHAI);
    private static final Set<String> NEGATIVE = Set.of("PENALTY", "BLACK_LIST", "ABNORMAL_LIST", "JUDICIAL");

    /**
     * Everything a report is made of.
     *
     * @param number the report number
     * @param edition which edition
     * @param reading in which right the records were read
     * @param subject the subject
     * @param registration its registration data (organisations), or null
     * @param records the records read (already limited to what the edition may show)
     * @param evaluation the credit evaluation (its public view in a public edition), or null where it is not shown
     * @param catalog labels and repair rules
     * @param recordFeedSeq record feed head at the start
     * @param subjectFeedSeq subject feed head at the start
     * @param issuedAt the time of the report
     * @param platformName the issuer
     * @param verifyUrl the verification URL
     */
    record Content(String number, Edition edition, Reading reading, SubjectRef subject, Registration registration,
            List<ReportRecord> records, EvaluationView evaluation, Catalog catalog, long recordFeedSeq, long subjectFeedSeq, Instant issuedAt,
            String platformName, String verifyUrl) {
    }

    private ReportComposer() {
    }

    static ReportDocument compose(Content c) {
        List<Row> facts = new ArrayList<>();
        facts.add(new Row("报告编号", c.number()));
        facts.add(new Row("信用主体", name(c)));
        facts.add(new Row(c.subject().naturalPerson() ? "身份证号码" : "统一社会信用代码", c.subject().shownCode()));
        facts.add(new Row("报告版本", c.edition() == Edition.PUBLIC ? "公示版：仅含生成时处于公示期内的信息"
                : "完整版：含未公示的信息并注明原因"));
        if (c.edition() == Edition.FULL) {
            facts.add(new Row("查询身份", standing(c.reading())));
        }
        facts.add(new Row("生成时间", TIME.format(c.issuedAt()) + "（北京时间）"));
        facts.add(new Row("数据截至", "信用记录变更序号 " + c.recordFeedSeq() + "，信用主体变更序号 " + c.subjectFeedSeq()
                + "（生成开始时各数据源已提交的最新变更）"));
        long disputed = c.records().stream().filter(ReportRecord::disputed).count();
        long hidden = c.records().stream().filter(r -> !r.publicNow()).count();
        facts.add(new Row("信息概况", "共 " + c.records().size() + " 条信用记录" + (c.edition() == Edition.FULL ? "，其中未公示 " + hidden + " 条" : "")
                + (disputed > 0 ? "，异议中 " + disputed + " 条" : "")));

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("一、登记注册基础信息", 1, registration(c), List.of(), List.of(), "无登记注册信息"));
        sections.add(new Section("二、行政管理信息", 1, List.of(), List.of(), List.of(), null));
        sections.add(group("（一）行政许可信息", 2, c, "LICENSE"));
        sections.add(group("（二）行政处罚信息", 2, c, "PENALTY"));
        sections.add(group("三、诚实守信相关荣誉信息", 1, c, "RED_LIST"));
        sections.add(group("四、严重失信主体名单信息", 1, c, "BLACK_LIST"));
        sections.add(group("五、经营（活动）异常名录信息", 1, c, "ABNORMAL_LIST"));
        sections.add(group("六、信用承诺信息", 1, c, "COMMITMENT"));
        Section rating = group("七、信用评价信息", 1, c, "RATING");
        sections.add(new Section(rating.title(), 1, evaluationRows(c.evaluation()), rating.entries(), evaluationText(c.evaluation()),
                rating.emptyText()));
        sections.add(group("八、司法判决及执行信息", 1, c, "JUDICIAL"));
        sections.add(others(c));
        sections.add(new Section("十、信用状况提升建议", 1, List.of(), List.of(), advice(c), null));

        List<String> notes = new ArrayList<>();
        notes.add("说明：本报告由" + c.platformName() + "依据各数据提供单位归集的公共信用信息生成，并加盖平台数字签名（PAdES）。"
                + "报告签发时已登记其编号与 SHA-256 摘要，对文件的任何改动都会使核验失败。");
        notes.add("核验方式：扫描首页二维码或访问 " + c.verifyUrl() + " 查看登记信息，并可在该页面上传本 PDF 文件（或提交至接口 "
                + "/api/v1/public/reports:verify），核验文件是否为平台签发且未被篡改、是否已被撤销。");
        if (c.edition() == Edition.PUBLIC) {
            notes.add("公示版仅列入生成时处于公示期内的信息；已完成信用修复、已撤销或公示期届满的信息不予列入。"
                    + "自然人信息仅在规则允许时公示，证件号码已脱敏。标注“异议中”的记录正在异议处理中。");
        } else {
            notes.add("完整版包含未公示的信息并注明未公示原因，仅供信用主体本人及依职权查询的单位使用，请妥善保管，勿公开传播。"
                    + "数据提供单位查询时仅列入本单位报送的信息。");
        }
        return new ReportDocument(c.number(), "公共信用信息报告", c.edition().label(), c.platformName(), facts, sections, notes,
                c.verifyUrl());
    }

    private static String name(Content c) {
        String name = c.registration() != null && c.registration().name() != null ? c.registration().name() : c.subject().name();
        return name == null || name.isBlank() ? "（未登记名称）" : name;
    }

    private static String standing(Reading reading) {
        return switch (reading) {
            case Reading.Own own -> "信用主体本人";
            case Reading.InRight r when r.right().startsWith("DEPARTMENT:") ->
                    "数据提供单位（" + ReportTexts.department(r.right().substring("DEPARTMENT:".length())) + "）：仅含本单位报送的信息";
            case Reading.InRight r when r.right().equals("REVIEWER") -> "信用办审核人员";
            case Reading.InRight r -> "平台管理员";
            case Reading.Public p -> "社会公众";
        };
    }

    private static List<Row> registration(Content c) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(c.subject().naturalPerson() ? "姓名" : "名称", name(c)));
        rows.add(new Row(c.subject().naturalPerson() ? "身份证号码（脱敏）" : "统一社会信用代码", c.subject().shownCode()));
        Registration r = c.registration();
        if (r != null) {
            add(rows, "主体类型", r.typeLabel());
            add(rows, "法定代表人（负责人）", r.legalRepresentative());
            add(rows, "成立日期", r.registrationDate() == null ? null : r.registrationDate().toString());
            add(rows, "登记状态", r.registrationStatusLabel());
            add(rows, "所属行业", r.industryLabel());
            add(rows, "所属地区", r.regionName());
            add(rows, "住所", r.address());
            if (!r.formerNames().isEmpty()) {
                rows.add(new Row("曾用名", String.join("；", r.formerNames().stream()
                        .map(f -> f.name() + (f.until() != null ? "（至 " + f.until() + "）" : "")).toList())));
            }
        } else if (c.subject().region() != null) {
            add(rows, "所属地区代码", c.subject().region());
        }
        return rows;
    }

    private static void add(List<Row> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new Row(label, ReportTexts.maskIdNumbers(value)));
        }
    }

    private static Section group(String title, int level, Content c, String kind) {
        List<Entry> entries = c.records().stream().filter(r -> kind.equals(r.kind()))
                .sorted(Comparator.comparing(ReportRecord::decisionDate, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(r -> entry(c, r)).toList();
        return new Section(title, level, List.of(), entries, List.of(), "无");
    }

    /** 公共信用综合评价: the grade, its score and every rule that produced it. */
    static List<Row> evaluationRows(EvaluationView e) {
        if (e == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("综合评价等级", e.grade() + " 级（" + e.nameZh() + "）"));
        rows.add(new Row("评价得分", e.score() + " 分（评价规则 " + e.rulesVersion() + "，评价日 " + e.evaluatedOn() + "）"));
        for (EvaluationView.Reason r : e.reasons()) {
            String points = r.points() > 0 ? "+" + r.points() : String.valueOf(r.points());
            rows.add(new Row("评价依据", r.nameZh() + "：" + r.count() + " 条，" + points + " 分"
                    + (r.forcesGrade() != null ? "，直接评为 " + r.forcesGrade() + " 级" : "")));
        }
        if (e.changesOn() != null) {
            rows.add(new Row("等级变化", "如无新的信用信息，自 " + e.changesOn() + " 起等级将因时间变化"));
        }
        return rows;
    }

    private static List<String> evaluationText(EvaluationView e) {
        if (e == null) {
            return List.of("自然人的公共信用综合评价不予公示。下列为各部门作出的行业信用评价。");
        }
        return List.of("公共信用综合评价（A 优 / B 良 / C 中 / D 差）以 100 分起评，依据在效的信用信息按公开的评价规则加减分"
                + "（/api/v1/catalog/evaluation-rules）；列入严重失信主体名单的直接评为 D 级。下列为各部门作出的行业信用评价。");
    }

    private static Section others(Content c) {
        Set<String> known = Set.of("LICENSE", "PENALTY", "RED_LIST", "BLACK_LIST", "ABNORMAL_LIST", "COMMITMENT", "RATING", "JUDICIAL");
        List<Entry> entries = c.records().stream().filter(r -> !known.contains(r.kind()))
                .sorted(Comparator.comparing(ReportRecord::decisionDate, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(r -> entry(c, r)).toList();
        return new Section("九、其他信息", 1, List.of(), entries, List.of(), "无");
    }

    private static Entry entry(Content c, ReportRecord r) {
        List<String> marks = new ArrayList<>();
        if (r.disputed()) {
            marks.add("异议中");
        }
        if (!r.publicNow()) {
            marks.add("未公示：" + ReportTexts.reason(r.publicReason()));
        }
        List<Row> rows = new ArrayList<>();
        Catalog catalog = c.catalog();
        rows.add(new Row(catalog.decisionDateLabel(r.category()), r.decisionDate() == null ? "—" : r.decisionDate().toString()));
        rows.add(new Row("数据提供单位", ReportTexts.department(r.department())));
        rows.add(new Row("公示期限", r.publicUntil() == null ? "长期（至撤销或移出）" : "至 " + r.publicUntil()));
        if (c.edition() == Edition.FULL && r.state() != null) {
            rows.add(new Row("记录状态", ReportTexts.state(r.state())));
        }
        Set<String> keys = new LinkedHashSet<>(catalog.fieldOrder(r.category()));
        keys.addAll(r.fields().keySet());
        for (String key : keys) {
            String value = r.fields().get(key);
            if (value != null && !value.isBlank()) {
                rows.add(new Row(catalog.fieldLabel(r.category(), key), ReportTexts.maskIdNumbers(value)));
            }
        }
        String heading = (r.name() == null ? r.category() : r.name()) + "　" + catalog.documentNumberLabel(r.category()) + "："
                + ReportTexts.maskIdNumbers(r.documentNumber());
        return new Entry(heading, marks, rows);
    }

    /** 信用状况提升建议: which negative records may be repaired, and when. */
    private static List<String> advice(Content c) {
        LocalDate today = LocalDate.ofInstant(c.issuedAt(), SHANGHAI);
        List<ReportRecord> negative = c.records().stream().filter(r -> r.publicNow() && NEGATIVE.contains(r.kind()))
                .sorted(Comparator.comparing(ReportRecord::decisionDate, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<String> lines = new ArrayList<>();
        if (negative.isEmpty()) {
            lines.add("当前无公示中的失信或负面信息，请继续保持良好信用。");
        } else {
            long repairable = negative.stream().filter(r -> c.edition() == Edition.FULL ? r.repairable() : c.catalog().repairable(r.category()))
                    .count();
            lines.add("公示中的负面信息 " + negative.size() + " 条，其中所属类别可在本平台申请信用修复的 " + repairable + " 条。");
            for (ReportRecord r : negative) {
                lines.add("• " + r.name() + "（" + ReportTexts.maskIdNumbers(r.documentNumber()) + "）：" + repairAdvice(c, r, today));
            }
        }
        lines.add("• 如认为报告中的信息有误，可通过本平台对该记录提出异议；异议受理后，记录在报告中标注“异议中”。");
        lines.add("• 申请信用修复须已履行法定义务、纠正失信行为，并提交信用修复申请书、守信承诺书及履行义务的证明材料"
                + "（《信用修复管理办法》，国家发展改革委令2025年第36号）。修复后，相关信息不再公示、共享，也不再作为联合惩戒依据。");
        return lines;
    }

    private static String repairAdvice(Content c, ReportRecord r, LocalDate today) {
        if (c.edition() == Edition.FULL) {
            if (r.disputed()) {
                return "异议处理中，待异议办结后再行判断可否修复。";
            }
            if (!r.repairable()) {
                String note = c.catalog().repairNote(r.category());
                return "不适用本平台信用修复" + (note.isBlank() ? "。" : "（" + note + "）。");
            }
            if (r.minPublicityUntil() == null) {
                return "可申请信用修复。";
            }
            LocalDate from = r.minPublicityUntil().plusDays(1);
            return !from.isAfter(today) ? "最短公示期已满（" + r.minPublicityUntil() + "），现可申请信用修复。"
                    : "最短公示期至 " + r.minPublicityUntil() + "，自 " + from + " 起可申请信用修复。";
        }
        if (c.catalog().repairable(r.category())) {
            return "所属类别可依规申请信用修复，具体可申请日期以信用主体本人取得的完整版报告为准。";
        }
        String note = c.catalog().repairNote(r.category());
        return "所属类别不适用本平台信用修复" + (note.isBlank() ? "。" : "（" + note + "）。");
    }
}
