package org.publiccredit.objection.repair;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.publiccredit.objection.client.RecordView;
import org.publiccredit.objection.naming.Departments;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The texts a repair applicant signs: 信用修复申请书 and 守信承诺书 (the materials 信用修复管理办法 asks for), in their
 * current versions, filled in from the record with names, never codes: the subject's registered name (subject-service),
 * the deciding authority as the record names it or else the supplying department's Chinese name ({@link Departments}),
 * and the category's Chinese name (record-service's catalog). The filled text and its hash are what the acceptance records.
 */
@Component
public class RepairTemplates {

    /** The current version of both texts (the 2026 rules, in force since 2026-04-01). */
    public static final String VERSION = "2026-04";

    /** A template id with its zh title. */
    public enum Template {
        REPAIR_APPLICATION("信用修复申请书"), CREDIT_COMMITMENT("守信承诺书");

        private final String title;

        Template(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** A filled-in text. */
    public record Filled(Template id, String version, String title, String text, String sha256) {
    }

    /**
     * The names looked up for a record (each null when unknown: the record's own data stands in).
     *
     * @param subject the subject's registered name in subject-service
     * @param category the category's Chinese name in record-service's catalog
     */
    public record Names(String subject, String category) {
        public static final Names NONE = new Names(null, null);
    }

    private final Map<Template, String> texts = new LinkedHashMap<>();
    private final Departments departments;

    RepairTemplates(Departments departments) {
        this.departments = departments;
        for (Template t : Template.values()) {
            String path = "templates/" + t.name() + "-" + VERSION + ".txt";
            try (InputStream in = new ClassPathResource(path).getInputStream()) {
                texts.put(t, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("missing template " + path, e);
            }
        }
    }

    public List<Filled> fill(RecordView record, Names names, LocalDate today) {
        Map<String, String> values = Map.of(
                "subjectName", present(names.subject()) ? names.subject().strip() : subjectName(record),
                "subjectCode", nz(record.subjectCode()),
                "department", authority(record, departments),
                "documentNumber", nz(record.documentNumber()),
                "decisionDate", record.decisionDate() == null ? "" : record.decisionDate().toString(),
                "category", present(names.category()) ? names.category().strip()
                        : present(record.name()) ? record.name().strip() : nz(record.category()),
                "today", today.toString());
        return texts.entrySet().stream().map(e -> {
            String text = e.getValue();
            for (var v : values.entrySet()) {
                text = text.replace("{{" + v.getKey() + "}}", v.getValue());
            }
            return new Filled(e.getKey(), VERSION, e.getKey().title(), text, sha256(text));
        }).toList();
    }

    /** Without a registered name: the subject's name as the record names it (or its 行政相对人名称 field), else a phrase with its code. */
    static String subjectName(RecordView record) {
        if (record.subjectName() != null && !record.subjectName().isBlank()) {
            return record.subjectName().strip();
        }
        for (String key : List.of("subjectName", "行政相对人名称", "partyName", "name")) {
            Object v = record.fields().get(key);
            if (v instanceof String s && !s.isBlank()) {
                return s.strip();
            }
        }
        return "代码为" + nz(record.subjectCode()) + "的信用主体";
    }

    /**
     * The authority that decided, as the record's 处罚机关/认定机关… field names it, else the supplying department's Chinese
     * name (市场监督管理局 for market).
     */
    static String authority(RecordView record, Departments departments) {
        if (record.fields().get("authority") instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        return departments.of(record.department()).zh();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
