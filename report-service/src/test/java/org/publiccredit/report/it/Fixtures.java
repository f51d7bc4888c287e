package org.publiccredit.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.publiccredit.commons.id.IdNumber;
import org.publiccredit.commons.id.Uscc;
import org.publiccredit.testkit.Api;
import org.publiccredit.testkit.Reply;
import org.publiccredit.testkit.Tokens;

/** Object Mother for the report ITs: fresh subjects and records pushed through the gateway, PDFs read back as text. */
final class Fixtures {

    static final String ENT1 = "91450200MA5K00012P";
    static final String AUTHORITY = Uscc.of('1', '1', "450200", digits(8)).value();

    private Fixtures() {
    }

    static String freshUscc() {
        return Uscc.of('9', '1', "450202", digits(8)).value();
    }

    /** A valid, fresh id number of a Liuzhou resident. */
    static String freshIdNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(365 * 40));
        String first17 = "450202" + born.toString().replace("-", "") + digits(3);
        return first17 + IdNumber.checkCharacter(first17);
    }

    static String name() {
        return "柳州报告测试" + (char) ('甲' + ThreadLocalRandom.current().nextInt(10)) + "有限公司" + digits(4);
    }

    static String doc(String prefix) {
        return prefix + "〔" + LocalDate.now().getYear() + "〕" + digits(10) + "号";
    }

    static String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }

    static Map<String, Object> record(String category, String subject, String name, String documentNumber, LocalDate decided,
            Map<String, Object> fields) {
        return org.publiccredit.testkit.RecordBodies.record(category, subject, name, documentNumber, decided, fields);
    }

    static Map<String, Object> penalty(String subject, String name, String documentNumber, int daysAgo) {
        return record("ADM_PENALTY", subject, name, documentNumber, LocalDate.now().minusDays(daysAgo),
                org.publiccredit.testkit.RecordBodies.penaltyFields(AUTHORITY));
    }

    static Map<String, Object> licence(String subject, String name, String documentNumber) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("licenceDocumentName", "准予行政许可决定书");
        f.put("licenceCategory", "普通");
        f.put("certificateName", "食品经营许可证");
        f.put("licenceNumber", "JY" + digits(10));
        f.put("licenceContent", "食品销售经营者");
        f.put("validFrom", LocalDate.now().minusDays(30).toString());
        f.put("validUntil", LocalDate.now().plusYears(5).toString());
        f.put("authority", "柳州市市场监督管理局");
        f.put("authorityUscc", AUTHORITY);
        f.put("status", "有效");
        f.put("dataSource", "柳州市市场监督管理局");
        f.put("dataSourceUscc", AUTHORITY);
        return record("ADM_LICENSE", subject, name, documentNumber, LocalDate.now().minusDays(30), f);
    }

    static Map<String, Object> taxGrade(String subject, String name, String documentNumber) {
        return record("TAX_CREDIT_GRADE", subject, name, documentNumber, LocalDate.now().minusDays(40),
                Map.of("grade", "B", "evaluationYear", LocalDate.now().getYear() - 1));
    }

    static Map<String, Object> courtDefaulter(String subject, String name, String documentNumber) {
        return record("COURT_DEFAULTER", subject, name, documentNumber, LocalDate.now().minusDays(10),
                Map.of("court", "柳州市中级人民法院", "obligation", "支付货款人民币五万元", "dishonestBehaviour", "有履行能力而拒不履行生效法律文书确定义务"));
    }

    /** Pushes a record as a department's officer; its id. */
    static String push(String officer, Map<String, Object> record) {
        return Api.gateway().as(Tokens.user(officer)).post("/api/v1/records", record).expect(201).json().path("id").asString();
    }

    static Reply report(Api api, String subject, String edition) {
        return api.post("/api/v1/reports", Map.of("subject", subject, "edition", edition));
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String number(Reply reply) {
        assertThat(reply.header("Content-Type")).anySatisfy(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(new String(reply.bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        return reply.header("X-Report-Number").getFirst();
    }

    /** A multipart/form-data body with the one part {@code file}. */
    static byte[] multipart(String boundary, byte[] pdf) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + pdf.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(pdf, 0, body, head.length, pdf.length);
        System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
        return body;
    }
}
