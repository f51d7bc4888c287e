package org.publiccredit.record.record;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.publiccredit.commons.problem.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Explicit SQL for credit records and their history. */
@Repository
public class RecordRepository {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final String COLUMNS = """
            id, subject_id, subject_kind, subject_code, subject_name, name_on_decision, subject_type, subject_region, department, category,
            document_number, decision_date, fields::text AS fields, content_hash, state, version, state_note, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    RecordRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /**
     * A record to insert with its publication facts.
     *
     * @param record the record
     * @param publishedOn the local date of the first push
     * @param timely whether that was within 7 working days of the decision
     */
    public record NewRow(CreditRecord record, LocalDate publishedOn, boolean timely) {
    }

    public Optional<CreditRecord> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_record WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The records of one department with these natural keys, locked for the rest of the transaction. */
    public Map<NaturalKey, CreditRecord> findByKeysForUpdate(String department, Collection<NaturalKey> keys) {
        Map<NaturalKey, CreditRecord> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] categories = keys.stream().map(NaturalKey::category).toArray(String[]::new);
        String[] numbers = keys.stream().map(NaturalKey::documentNumber).toArray(String[]::new);
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT " + COLUMNS + """
                     FROM credit_record WHERE department = ? AND (category, document_number) IN
                    (SELECT * FROM unnest(?::text[], ?::text[])) FOR UPDATE""");
            ps.setString(1, department);
            ps.setArray(2, con.createArrayOf("text", categories));
            ps.setArray(3, con.createArrayOf("text", numbers));
            return ps;
        }, rs -> {
            CreditRecord r = map(rs, 0);
            found.put(new NaturalKey(r.category(), r.documentNumber()), r);
        });
        return found;
    }

    /** The records with these ids, in no particular order (unknown ids are left out). */
    public List<CreditRecord> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_record WHERE id = ANY(?)").param(ids.toArray(UUID[]::new))
                .query(this::map).list();
    }

    public Optional<CreditRecord> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_record WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
    }

    public List<CreditRecord> findBySubjectCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_record WHERE subject_code = ? ORDER BY decision_date DESC, id")
                .param(code).query(this::map).list();
    }

    public List<CreditRecord> findBySubjectId(UUID subjectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_record WHERE subject_id = ? ORDER BY decision_date DESC, id")
                .param(subjectId).query(this::map).list();
    }

    /**
     * The policy facts of all records of these subjects, in one query, streamed to {@code sink} in no particular order
     * (callers sort per subject). Only the {@code fieldKeys} of each record's fields are read.
     */
    public void scanFacts(Collection<UUID> subjectIds, Collection<String> fieldKeys, Consumer<RecordFacts> sink) {
        if (subjectIds.isEmpty()) {
            return;
        }
        scanFacts("subject_id = ANY(?)", "uuid", subjectIds, fieldKeys, sink);
    }

    /**
     * The policy facts of the live (ACTIVE or DISPUTED) records of these subjects in these categories, for credit
     * checks: by USCC ({@code byCode}) or by subject id, one query.
     */
    public void scanLiveFacts(boolean byCode, Collection<?> subjects, Collection<String> categories, Collection<String> fieldKeys,
            Consumer<RecordFacts> sink) {
        if (subjects.isEmpty() || categories.isEmpty()) {
            return;
        }
        String category = "category IN (" + String.join(", ", java.util.Collections.nCopies(categories.size(), "?")) + ")";
        scanFacts((byCode ? "subject_code = ANY(?)" : "subject_id = ANY(?)") + " AND state IN ('ACTIVE', 'DISPUTED') AND " + category,
                byCode ? "text" : "uuid", subjects, fieldKeys, sink, categories.toArray());
    }

    private void scanFacts(String where, String arrayType, Collection<?> subjects, Collection<String> fieldKeys,
            Consumer<RecordFacts> sink, Object... moreParams) {
        List<String> keys = List.copyOf(fieldKeys);
        // one column fields->>? per key (bound, never spliced): far cheaper for PostgreSQL than expanding the whole
        // jsonb, and for the driver than an array
        StringBuilder facts = new StringBuilder();
        for (int k = 0; k < keys.size(); k++) {
            facts.append(", fields->>? AS f").append(k);
        }
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT id, subject_id, subject_kind, subject_code, department, category,"
                    + " decision_date, state" + facts + " FROM credit_record WHERE " + where);
            int p = 1;
            for (String key : keys) {
                ps.setString(p++, key);
            }
            ps.setArray(p++, con.createArrayOf(arrayType, subjects.toArray()));
            for (Object more : moreParams) {
                ps.setObject(p++, more);
            }
            return ps;
        }, rs -> {
            Map<String, String> fields = Map.of();
            for (int k = 0; k < keys.size(); k++) {
                String value = rs.getString(9 + k);
                if (value != null) {
                    if (fields.isEmpty()) {
                        fields = new HashMap<>(8);
                    }
                    fields.put(keys.get(k), value);
                }
            }
            sink.accept(new RecordFacts(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                    rs.getString("subject_kind"), rs.getString("subject_code"), rs.getString("department"),
                    rs.getString("category"), rs.getDate("decision_date").toLocalDate(), RecordState.valueOf(rs.getString("state")),
                    fields));
        });
    }

    /** Live (ACTIVE or DISPUTED) records of these USCC codes, for credit checks. */
    public List<CreditRecord> findLiveBySubjectCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return template.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT " + COLUMNS
                    + " FROM credit_record WHERE subject_code = ANY(?) AND state IN ('ACTIVE', 'DISPUTED')");
            ps.setArray(1, con.createArrayOf("text", codes.toArray()));
            return ps;
        }, this::map);
    }

    /** Live records of these subject ids, for credit checks on natural persons. */
    public List<CreditRecord> findLiveBySubjectIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return template.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT " + COLUMNS
                    + " FROM credit_record WHERE subject_id = ANY(?) AND state IN ('ACTIVE', 'DISPUTED')");
            ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
            return ps;
        }, this::map);
    }

    /**
     * Inserts the rows whose natural key is still free (ON CONFLICT DO NOTHING: a concurrent first push of the same key
     * waits for the other transaction and is skipped, never a duplicate-key failure).
     *
     * @return the ids of the rows inserted; a row left out lost its natural key to another record
     */
    public Set<UUID> insertIfAbsent(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        template.batchUpdate("""
                INSERT INTO credit_record (id, subject_id, subject_kind, subject_code, subject_name, subject_type, subject_region,
                    department, category, document_number, decision_date, fields, content_hash, state, version, state_note,
                    created_at, updated_at, published_on, timely, name_on_decision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT credit_record_natural_key DO NOTHING""", rows, rows.size(), (ps, row) -> {
            CreditRecord r = row.record();
            ps.setObject(1, r.id());
            ps.setObject(2, r.subject().id());
            ps.setString(3, r.subject().kind());
            ps.setString(4, r.subject().code());
            ps.setString(5, r.subject().name());
            ps.setString(6, r.subject().type());
            ps.setString(7, r.subject().region());
            ps.setString(8, r.department());
            ps.setString(9, r.category());
            ps.setString(10, r.documentNumber());
            ps.setDate(11, Date.valueOf(r.decisionDate()));
            ps.setString(12, json.writeValueAsString(r.fields()));
            ps.setString(13, r.contentHash());
            ps.setString(14, r.state().name());
            ps.setInt(15, r.version());
            ps.setString(16, r.stateNote());
            ps.setTimestamp(17, Timestamp.from(r.createdAt()));
            ps.setTimestamp(18, Timestamp.from(r.updatedAt()));
            ps.setDate(19, Date.valueOf(row.publishedOn()));
            ps.setBoolean(20, row.timely());
            ps.setString(21, r.subject().nameOnDecision());
        });
        // the driver rewrites batched inserts (no per-row counts): ask which of our ids exist now
        UUID[] ids = rows.stream().map(r -> r.record().id()).toArray(UUID[]::new);
        return new HashSet<>(template.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT id FROM credit_record WHERE id = ANY(?)");
            ps.setArray(1, con.createArrayOf("uuid", ids));
            return ps;
        }, (rs, i) -> rs.getObject(1, UUID.class)));
    }

    /** Stores new versions; each must still be at version - 1 (optimistic lock), else 409 CONCURRENT_MODIFICATION. */
    public void update(List<CreditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        int[][] counts = template.batchUpdate("""
                UPDATE credit_record SET subject_id = ?, subject_kind = ?, subject_code = ?, subject_name = ?, subject_type = ?,
                    subject_region = ?, decision_date = ?, fields = ?::jsonb, content_hash = ?, state = ?, version = ?,
                    state_note = ?, updated_at = ?, name_on_decision = ?
                WHERE id = ? AND version = ?""", records, records.size(), (ps, r) -> {
            ps.setObject(1, r.subject().id());
            ps.setString(2, r.subject().kind());
            ps.setString(3, r.subject().code());
            ps.setString(4, r.subject().name());
            ps.setString(5, r.subject().type());
            ps.setString(6, r.subject().region());
            ps.setDate(7, Date.valueOf(r.decisionDate()));
            ps.setString(8, json.writeValueAsString(r.fields()));
            ps.setString(9, r.contentHash());
            ps.setString(10, r.state().name());
            ps.setInt(11, r.version());
            ps.setString(12, r.stateNote());
            ps.setTimestamp(13, Timestamp.from(r.updatedAt()));
            ps.setString(14, r.subject().nameOnDecision());
            ps.setObject(15, r.id());
            ps.setInt(16, r.version() - 1);
        });
        for (int[] batch : counts) {
            for (int c : batch) {
                if (c == 0) {
                    throw ApiException.conflict("CONCURRENT_MODIFICATION", "The record was changed meanwhile; read it again and retry");
                }
            }
        }
    }

    public void insertHistory(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO record_history (record_id, version, state, decision_date, fields, action, actor, operation_id, case_id, note, at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""", entries, entries.size(), (ps, h) -> {
            ps.setObject(1, h.recordId());
            ps.setInt(2, h.version());
            ps.setString(3, h.state().name());
            ps.setDate(4, Date.valueOf(h.decisionDate()));
            ps.setString(5, json.writeValueAsString(h.fields()));
            ps.setString(6, h.action());
            ps.setString(7, h.actor());
            ps.setString(8, h.operationId());
            ps.setString(9, h.caseId());
            ps.setString(10, h.note());
            ps.setTimestamp(11, Timestamp.from(h.at()));
        });
    }

    public List<HistoryEntry> history(UUID recordId) {
        return jdbc.sql("""
                SELECT record_id, version, state, decision_date, fields::text AS fields, action, actor, operation_id, case_id, note, at
                FROM record_history WHERE record_id = ? ORDER BY id""").param(recordId)
                .query((rs, n) -> new HistoryEntry(rs.getObject("record_id", UUID.class), rs.getInt("version"),
                        RecordState.valueOf(rs.getString("state")), rs.getDate("decision_date").toLocalDate(),
                        json.readValue(rs.getString("fields"), FIELDS), rs.getString("action"), rs.getString("actor"),
                        rs.getString("operation_id"), rs.getString("case_id"), rs.getString("note"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** The record an operation id was applied to, if it was. */
    public Optional<UUID> recordOfOperation(String operationId) {
        return jdbc.sql("SELECT record_id FROM record_history WHERE operation_id = ?").param(operationId)
                .query(UUID.class).optional();
    }

    private CreditRecord map(ResultSet rs, int n) throws SQLException {
        Subject subject = new Subject(rs.getObject("subject_id", UUID.class), rs.getString("subject_kind"),
                rs.getString("subject_code"), rs.getString("subject_name"),
                // rows stored before V6 kept the department's name in subject_name
                rs.getString("name_on_decision") != null ? rs.getString("name_on_decision") : rs.getString("subject_name"),
                rs.getString("subject_type"),
                rs.getString("subject_region"));
        return new CreditRecord(rs.getObject("id", UUID.class), subject, rs.getString("department"), rs.getString("category"),
                rs.getString("document_number"), rs.getDate("decision_date").toLocalDate(),
                json.readValue(rs.getString("fields"), FIELDS), rs.getString("content_hash"),
                RecordState.valueOf(rs.getString("state")), rs.getInt("version"), rs.getString("state_note"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
