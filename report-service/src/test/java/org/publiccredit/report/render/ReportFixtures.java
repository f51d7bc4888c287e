package org.publiccredit.report.render;

import java.util.ArrayList;
import java.util.List;

/** Object Mother: report content without any service. */
public final class ReportFixtures {

    public static final String NAME = "柳州市示例信用科技有限公司";

    private ReportFixtures() {
    }

    public static ReportDocument document(String number, int penalties) {
        List<ReportDocument.Entry> entries = new ArrayList<>();
        for (int i = 0; i < penalties; i++) {
            entries.add(new ReportDocument.Entry("行政处罚　行政处罚决定书文号：柳市监罚〔2026〕" + (1000 + i) + "号",
                    i % 3 == 0 ? List.of("异议中") : List.of(),
                    List.of(new ReportDocument.Row("处罚决定日期", "2026-0" + (1 + i % 9) + "-1" + (i % 10)),
                            new ReportDocument.Row("数据提供单位", "市场监督管理部门"),
                            new ReportDocument.Row("违法事实", "未按规定公示年度报告，经责令限期改正逾期仍未改正。Annual report not filed in time."
                                    + "当事人的行为违反了《企业信息公示暂行条例》第八条的规定。"),
                            new ReportDocument.Row("处罚内容", "罚款人民币壹万元整"))));
        }
        return new ReportDocument(number, "公共信用信息报告", "公示版", "公共信用信息平台",
                List.of(new ReportDocument.Row("报告编号", number), new ReportDocument.Row("信用主体", NAME),
                        new ReportDocument.Row("统一社会信用代码", "91450200MA5K00012P")),
                List.of(new ReportDocument.Section("一、登记注册基础信息", 1, List.of(new ReportDocument.Row("名称", NAME)), List.of(),
                                List.of(), "无"),
                        new ReportDocument.Section("二、行政管理信息", 1, List.of(), List.of(), List.of(), null),
                        new ReportDocument.Section("（二）行政处罚信息", 2, List.of(), entries, List.of(), "无"),
                        new ReportDocument.Section("三、诚实守信相关荣誉信息", 1, List.of(), List.of(), List.of(), "无"),
                        new ReportDocument.Section("十、信用状况提升建议", 1, List.of(), List.of(),
                                List.of("当前无公示中的失信或负面信息，请继续保持良好信用。😀"), null)),
                List.of("说明：本报告由公共信用信息平台生成。"), "http://localhost:8080/api/v1/public/reports/" + number);
    }
}
