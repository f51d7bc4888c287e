package org.publiccredit.report.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.publiccredit.report.client.Records;
import org.publiccredit.report.client.Subjects;
import org.publiccredit.report.render.ReportDocument;
import org.publiccredit.report.render.ReportRenderer;
import org.publiccredit.report.sign.PadesSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Renders and signs a throw-away report before the service reports ready (runners run before readiness): the first
 * real report would otherwise pay seconds of class loading and JIT on this machine. Nothing is registered.
 */
@Component
class Warmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    private final ReportRenderer renderer;
    private final PadesSigner signer;
    private final Records records;
    private final Subjects subjects;
    private final Clock clock;

    Warmup(ReportRenderer renderer, PadesSigner signer, Records records, Subjects subjects, Clock clock) {
        this.renderer = renderer;
        this.signer = signer;
        this.records = records;
        this.subjects = subjects;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        List<ReportDocument.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(new ReportDocument.Entry("行政处罚　文号：预热〔2026〕" + i + "号", i % 5 == 0 ? List.of("异议中") : List.of(),
                    List.of(new ReportDocument.Row("处罚决定日期", "2026-01-01"), new ReportDocument.Row("数据提供单位", "市场监督管理部门"),
                            new ReportDocument.Row("违法事实", "预热文本，用于加载字体与排版代码。Warm-up text for fonts and layout."))));
        }
        ReportDocument doc = new ReportDocument("CR20260101-WARMUP000000", "公共信用信息报告", "公示版", "公共信用信息平台", List.of(),
                List.of(new ReportDocument.Section("一、预热", 1, List.of(), entries, List.of(), "无")), List.of(), "http://localhost/");
        Instant now = clock.instant();
        for (int round = 0; round < 3; round++) {
            signer.sign(renderer.render(doc, now).pdf(), new PadesSigner.Details("warm-up", "warm-up", "warm-up", now));
        }
        try {
            // the service token, the connections and the catalog cache; the other services may still be starting
            records.catalog();
            records.feedHead();
            subjects.feedHead();
        } catch (RuntimeException notYet) {
            log.info("record-service or subject-service not reachable yet ({}): the first report connects", notYet.getMessage());
        }
        log.info("report rendering and signing warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
