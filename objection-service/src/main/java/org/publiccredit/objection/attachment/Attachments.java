package org.publiccredit.objection.attachment;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks and stores a case's files (bytea, in the caller's transaction, so a case and its files commit together).
 * The checks: at most {@link AttachmentLimits#maxFiles()} per case, each non-empty and at most
 * {@link AttachmentLimits#maxFileSize()}, and PDF, JPEG or PNG by content ({@link ContentSniffer}).
 */
@Component
public class Attachments {

    private final JdbcClient jdbc;
    private final AttachmentLimits limits;

    Attachments(JdbcClient jdbc, AttachmentLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /** A file as received, with the request field it came in (for the error's {@code field}). */
    public record Incoming(String field, Purpose purpose, MultipartFile file) {
    }

    /** What the case view shows of a file. */
    public record Info(UUID id, Purpose purpose, String fileName, String mediaType, int size, String sha256, Instant uploadedAt) {
    }

    /** A file to download. */
    public record Content(String fileName, String mediaType, byte[] bytes) {
    }

    /** Reads and checks the files; refuses the whole request with every offending file listed. */
    public List<Upload> check(List<Incoming> files, int alreadyAttached) {
        if (alreadyAttached + files.size() > limits.maxFiles()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "TOO_MANY_ATTACHMENTS", "A case takes at most "
                    + limits.maxFiles() + " files; it has " + alreadyAttached + " and " + files.size() + " were sent",
                    List.of(FieldProblem.of("files", "TOO_MANY_ATTACHMENTS", null, limits.maxFiles()))).args(limits.maxFiles());
        }
        List<Upload> uploads = new ArrayList<>();
        List<FieldProblem> tooLarge = new ArrayList<>();
        List<FieldProblem> wrongType = new ArrayList<>();
        long max = limits.maxFileSize().toBytes();
        for (Incoming in : files) {
            MultipartFile f = in.file();
            if (f.getSize() > max) {
                tooLarge.add(FieldProblem.of(in.field(), "ATTACHMENT_TOO_LARGE", null, limits.maxFileSize().toMegabytes()));
                continue;
            }
            byte[] bytes = read(f, in.field());
            if (bytes.length > max) {
                tooLarge.add(FieldProblem.of(in.field(), "ATTACHMENT_TOO_LARGE", null, limits.maxFileSize().toMegabytes()));
                continue;
            }
            if (bytes.length == 0) {
                wrongType.add(new FieldProblem(in.field(), "ATTACHMENT_EMPTY", "the file is empty"));
                continue;
            }
            Optional<FileType> type = ContentSniffer.detect(bytes);
            if (type.isEmpty()) {
                wrongType.add(new FieldProblem(in.field(), "ATTACHMENT_TYPE_NOT_ALLOWED",
                        "the content is not a PDF, JPEG or PNG file (whatever its name or declared type)"));
                continue;
            }
            uploads.add(new Upload(in.purpose(), safeName(f.getOriginalFilename()), type.get(), bytes, sha256(bytes)));
        }
        if (!tooLarge.isEmpty()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "ATTACHMENT_TOO_LARGE",
                    "Each file may have at most " + limits.maxFileSize().toMegabytes() + " MB", tooLarge)
                    .args(limits.maxFileSize().toMegabytes());
        }
        if (!wrongType.isEmpty()) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ATTACHMENT_TYPE_NOT_ALLOWED",
                    "Only PDF, JPEG and PNG files are accepted, recognised by their content", wrongType);
        }
        return uploads;
    }

    public void store(UUID caseId, List<Upload> uploads, String uploadedBy, Instant now) {
        for (Upload u : uploads) {
            jdbc.sql("""
                    INSERT INTO case_attachment (id, case_id, purpose, file_name, media_type, size_bytes, sha256, content,
                        uploaded_at, uploaded_by)
                    VALUES (:id, :case, :purpose, :name, :type, :size, :sha, :content, :at, :by)
                    """)
                    .param("id", UUID.randomUUID()).param("case", caseId).param("purpose", u.purpose().name())
                    .param("name", u.fileName()).param("type", u.type().mediaType()).param("size", u.content().length)
                    .param("sha", u.sha256()).param("content", u.content()).param("at", now.atOffset(ZoneOffset.UTC))
                    .param("by", uploadedBy)
                    .update();
        }
    }

    public int count(UUID caseId) {
        return jdbc.sql("SELECT count(*) FROM case_attachment WHERE case_id = :c").param("c", caseId).query(Integer.class).single();
    }

    public List<Info> list(UUID caseId) {
        return jdbc.sql("""
                SELECT id, purpose, file_name, media_type, size_bytes, sha256, uploaded_at FROM case_attachment
                WHERE case_id = :c ORDER BY uploaded_at, id
                """).param("c", caseId)
                .query((rs, n) -> new Info(rs.getObject("id", UUID.class), Purpose.valueOf(rs.getString("purpose")),
                        rs.getString("file_name"), rs.getString("media_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public Optional<Content> content(UUID caseId, UUID attachmentId) {
        return jdbc.sql("SELECT file_name, media_type, content FROM case_attachment WHERE case_id = :c AND id = :id")
                .param("c", caseId).param("id", attachmentId)
                .query((rs, n) -> new Content(rs.getString("file_name"), rs.getString("media_type"), rs.getBytes("content")))
                .optional();
    }

    private static byte[] read(MultipartFile f, String field) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw ApiException.invalid("UPLOAD_UNREADABLE", "An uploaded file could not be read",
                    List.of(new FieldProblem(field, "UPLOAD_UNREADABLE", "incomplete or unreadable upload")));
        }
    }

    /** The last path element, without control characters or quotes, at most 120 characters. */
    static String safeName(String original) {
        if (original == null) {
            return "attachment";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        return name.isEmpty() ? "attachment" : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
