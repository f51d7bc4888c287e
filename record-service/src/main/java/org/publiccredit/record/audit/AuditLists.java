package org.publiccredit.record.audit;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admins' audit lists: credit checks ({@code credit_check}) and reads of files beyond the public view
 * ({@code read_audit}), filtered by subject, client, department and time, newest first; a page of JSON, or the whole
 * selection as CSV (read in chunks of {@value #CHUNK} by keyset, so an export holds one chunk in memory at a time, and
 * at most {@value #MAX_EXPORT} rows).
 */
@Service
class AuditLists {

    static final int CHUNK = 2_000;
    static final int MAX_EXPORT = 100_000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(AuditParams.ZONE);

    private final JdbcClient jdbc;
    private final SubjectResolver resolver;
    private final JsonMapper json;

    AuditLists(JdbcClient jdbc, SubjectResolver resolver, JsonMapper json) {
        this.jdbc = jdbc;
        this.resolver = resolver;
        this.json = json;
    }

    /**
     * One recorded credit check.
     *
     * @param checkId the check
     * @param checkedAt when
     * @param scenario scenario code
     * @param purpose the stated purpose
     * @param caller the user name (for a partner's system: service-account-&lt;client&gt;)
     * @param clientId the client the token was issued to
     * @param department the caller's department, if any
     * @param subjects the codes checked, as answered (a person's id number masked)
     */
    record CheckRow(UUID checkId, Instant checkedAt, String scenario, String purpose, String caller, String clientId,
            String department, List<String> subjects) {
    }

    /**
     * One read of a file beyond its public view.
     *
     * @param id audit entry id
     * @param at when
     * @param caller the user name
     * @param clientId the client (absent for reads recorded before it was kept)
     * @param department the caller's department, if any
     * @param subjectId the subject read
     * @param what what was read
     */
    record ReadRow(long id, Instant at, String caller, String clientId, String department, UUID subjectId, String what) {
    }

    AuditPage<CheckRow> checks(AuditParams p) {
        Where w = checkWhere(p);
        long total = jdbc.sql("SELECT count(*) FROM credit_check c WHERE " + w.sql()).params(w.params()).query(Long.class).single();
        List<Object> params = new ArrayList<>(w.params());
        params.add(p.size());
        params.add((long) p.page() * p.size());
        List<CheckRow> items = jdbc.sql(CHECK_SELECT + w.sql() + " ORDER BY c.checked_at DESC, c.id DESC LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> checkRow(rs)).list();
        return new AuditPage<>(items, p.page(), p.size(), total);
    }

    AuditPage<ReadRow> reads(AuditParams p) {
        Where w = readWhere(p);
        long total = jdbc.sql("SELECT count(*) FROM read_audit r WHERE " + w.sql()).params(w.params()).query(Long.class).single();
        List<Object> params = new ArrayList<>(w.params());
        params.add(p.size());
        params.add((long) p.page() * p.size());
        List<ReadRow> items = jdbc.sql(READ_SELECT + w.sql() + " ORDER BY r.at DESC, r.id DESC LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> readRow(rs)).list();
        return new AuditPage<>(items, p.page(), p.size(), total);
    }

    /** Every matching check as CSV, newest first: a header row, then a row per check. */
    void checksCsv(AuditParams p, OutputStream out) {
        Csv csv = new Csv(out);
        csv.bom();
        csv.row(List.of("checked_at", "check_id", "scenario", "purpose", "caller", "client_id", "department", "subjects"));
        Where w = checkWhere(p);
        Timestamp lastAt = null;
        UUID lastId = null;
        int written = 0;
        while (written < MAX_EXPORT) {
            List<Object> params = new ArrayList<>(w.params());
            String after = "";
            if (lastAt != null) {
                after = " AND (c.checked_at, c.id) < (?, ?)";
                params.add(lastAt);
                params.add(lastId);
            }
            params.add(Math.min(CHUNK, MAX_EXPORT - written));
            List<CheckRow> chunk = jdbc.sql(CHECK_SELECT + w.sql() + after + " ORDER BY c.checked_at DESC, c.id DESC LIMIT ?")
                    .params(params).query((rs, n) -> checkRow(rs)).list();
            for (CheckRow r : chunk) {
                csv.row(List.of(SHOWN.format(r.checkedAt()), r.checkId(), r.scenario(), r.purpose(), nz(r.caller()), nz(r.clientId()),
                        nz(r.department()), String.join(" ", r.subjects())));
            }
            written += chunk.size();
            if (chunk.size() < CHUNK) {
                break;
            }
            lastAt = Timestamp.from(chunk.getLast().checkedAt());
            lastId = chunk.getLast().checkId();
        }
    }

    /** Every matching read as CSV, newest first: a header row, then a row per read. */
    void readsCsv(AuditParams p, OutputStream out) {
        Csv csv = new Csv(out);
        csv.bom();
        csv.row(List.of("at", "id", "caller", "client_id", "department", "subject_id", "what"));
        Where w = readWhere(p);
        Timestamp lastAt = null;
        long lastId = 0;
        int written = 0;
        while (written < MAX_EXPORT) {
            List<Object> params = new ArrayList<>(w.params());
            String after = "";
            if (lastAt != null) {
                after = " AND (r.at, r.id) < (?, ?)";
                params.add(lastAt);
                params.add(lastId);
            }
            params.add(Math.min(CHUNK, MAX_EXPORT - written));
            List<ReadRow> chunk = jdbc.sql(READ_SELECT + w.sql() + after + " ORDER BY r.at DESC, r.id DESC LIMIT ?")
                    .params(params).query((rs, n) -> readRow(rs)).list();
            for (ReadRow r : chunk) {
                csv.row(List.of(SHOWN.format(r.at()), r.id(), nz(r.caller()), nz(r.clientId()), nz(r.department()), r.subjectId(),
                        nz(r.what())));
            }
            written += chunk.size();
            if (chunk.size() < CHUNK) {
                break;
            }
            lastAt = Timestamp.from(chunk.getLast().at());
            lastId = chunk.getLast().id();
        }
    }

    private static final String CHECK_SELECT = "SELECT c.id, c.checked_at, c.scenario, c.purpose, c.caller_name, c.client_id, "
            + "c.department, c.subjects::text AS subjects FROM credit_check c WHERE ";
    private static final String READ_SELECT = "SELECT r.id, r.at, r.caller_name, r.client_id, r.department, r.subject_id, r.what "
            + "FROM read_audit r WHERE ";

    private CheckRow checkRow(ResultSet rs) throws SQLException {
        List<String> subjects = List.of(json.readValue(rs.getString("subjects"), String[].class));
        return new CheckRow(rs.getObject("id", UUID.class), rs.getTimestamp("checked_at").toInstant(), rs.getString("scenario"),
                rs.getString("purpose"), rs.getString("caller_name"), rs.getString("client_id"), rs.getString("department"), subjects);
    }

    private static ReadRow readRow(ResultSet rs) throws SQLException {
        return new ReadRow(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("caller_name"), rs.getString("client_id"),
                rs.getString("department"), rs.getObject("subject_id", UUID.class), rs.getString("what"));
    }

    /** A WHERE clause and its parameters. */
    private record Where(String sql, List<Object> params) {
    }

    private Where checkWhere(AuditParams p) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (p.subject() != null) {
            // organisations by their USCC, persons by their subject (see V3__access_audit.sql)
            Optional<String> key = subjectKey(p.subject());
            clauses.add("c.id IN (SELECT s.check_id FROM credit_check_subject s WHERE s.subject_key = ?)");
            params.add(key.orElse("-"));
        }
        common(p, "c.client_id", "c.department", "c.checked_at", clauses, params);
        return new Where(clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses), params);
    }

    private Where readWhere(AuditParams p) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (p.subject() != null) {
            Optional<UUID> id = resolver.lookup(p.subject()).map(SubjectRef::id);
            if (id.isPresent()) {
                clauses.add("r.subject_id = ?");
                params.add(id.get());
            } else {
                clauses.add("FALSE");
            }
        }
        common(p, "r.client_id", "r.department", "r.at", clauses, params);
        return new Where(clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses), params);
    }

    private static void common(AuditParams p, String client, String department, String at, List<String> clauses, List<Object> params) {
        if (p.client() != null) {
            clauses.add(client + " = ?");
            params.add(p.client());
        }
        if (p.department() != null) {
            clauses.add(department + " = ?");
            params.add(p.department());
        }
        if (p.from() != null) {
            clauses.add(at + " >= ?");
            params.add(Timestamp.from(p.from()));
        }
        if (p.to() != null) {
            clauses.add(at + " < ?");
            params.add(Timestamp.from(p.to()));
        }
    }

    /** The check key of a subject: {@code U:<uscc>}, or {@code P:<subject id>} for a registered person. */
    private Optional<String> subjectKey(String code) {
        IdentifierCheck check = Identifiers.check(code);
        if (check.kind() == IdentifierKind.USCC) {
            return Optional.of("U:" + check.normalized());
        }
        return resolver.lookup(check.normalized()).map(ref -> "P:" + ref.id());
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }
}
