package org.publiccredit.record.creditrecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * Reads the stored {@code fields} (text values that passed the input rules when they were pushed): the application's
     * mapper checked every string again, a fifth of reading a page of records for the exchange feed.
     */
    private static final JsonMapper STORED = JsonMapper.builder().build();

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
     * Inserts the rows whose natural key is still free, in the order given, with one statement (ON CONFLICT DO NOTHING:
     * a concurrent first push of the same key waits for the other transaction and is skipped, never a duplicate-key
     * failure).
     *
     * @return the ids of the rows inserted; a row left out lost its natural key to another record
     */
    public Set<UUID> insertIfAbsent(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        TextColumns c = new TextColumns(rows.size(), 21);
        for (NewRow row : rows) {
            CreditRecord r = row.record();
            c.add(r.id(), r.subject().id(), r.subject().kind(), r.subject().code(), r.subject().name(), r.subject().type(),
                    r.subject().region(), r.department(), r.category(), r.documentNumber(), r.decisionDate(),
                    json.writeValueAsString(r.fields()), r.contentHash(), r.state().name(), r.version(), r.stateNote(),
                    r.createdAt(), r.updatedAt(), row.publishedOn(), row.timely(), r.subject().nameOnDecision());
        }
        return new HashSet<>(template.query(con -> c.bind(con.prepareStatement("""
                INSERT INTO credit_record (id, subject_id, subject_kind, subject_code, subject_name, subject_type, subject_region,
                    department, category, document_number, decision_date, fields, content_hash, state, version, state_note,
                    created_at, updated_at, published_on, timely, name_on_decision)
                SELECT u.id::uuid, u.subject_id::uuid, u.subject_kind, u.subject_code, u.subject_name, u.subject_type,
                    u.subject_region, u.department, u.category, u.document_number, u.decision_date::date, u.fields::jsonb,
                    u.content_hash, u.state, u.version::int, u.state_note, u.created_at::timestamptz, u.updated_at::timestamptz,
                    u.published_on::date, u.timely::boolean, u.name_on_decision
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[]) WITH ORDINALITY AS u(id, subject_id, subject_kind, subject_code, subject_name,
                    subject_type, subject_region, department, category, document_number, decision_date, fields, content_hash,
                    state, version, state_note, created_at, updated_at, published_on, timely, name_on_decision, n)
                ORDER BY u.n
                ON CONFLICT ON CONSTRAINT credit_record_natural_key DO NOTHING
                RETURNING id"""), con), (rs, i) -> rs.getObject(1, UUID.class)));
    }

    /**
     * Stores new versions with one statement; each must still be at version - 1 (optimistic lock), else 409
     * CONCURRENT_MODIFICATION (and the caller's transaction rolls back).
     */
    public void update(List<CreditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        TextColumns c = new TextColumns(records.size(), 15);
        for (CreditRecord r : records) {
            c.add(r.id(), r.subject().id(), r.subject().kind(), r.subject().code(), r.subject().name(), r.subject().type(),
                    r.subject().region(), r.decisionDate(), json.writeValueAsString(r.fields()), r.contentHash(), r.state().name(),
                    r.version(), r.stateNote(), r.updatedAt(), r.subject().nameOnDecision());
        }
        int updated = template.update(con -> c.bind(con.prepareStatement("""
                    UPDATE credit_record c SET subject_id = u.subject_id::uuid, subject_kind = u.subject_kind,
                        subject_code = u.subject_code, subject_name = u.subject_name, subject_type = u.subject_type,
                        subject_region = u.subject_region, decision_date = u.decision_date::date, fields = u.fields::jsonb,
                        content_hash = u.content_hash, state = u.state, version = u.version::int, state_note = u.state_note,
                        updated_at = u.updated_at::timestamptz, name_on_decision = u.name_on_decision
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                        AS u(id, subject_id, subject_kind, subject_code, subject_name, subject_type, subject_region, decision_date,
                        fields, content_hash, state, version, state_note, updated_at, name_on_decision)
                    WHERE c.id = u.id::uuid AND c.version = u.version::int - 1"""), con));
        if (updated != records.size()) {
            throw ApiException.conflict("CONCURRENT_MODIFICATION", "The record was changed meanwhile; read it again and retry");
        }
    }

    public void insertHistory(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        TextColumns c = new TextColumns(entries.size(), 11);
        for (HistoryEntry h : entries) {
            c.add(h.recordId(), h.version(), h.state().name(), h.decisionDate(), json.writeValueAsString(h.fields()), h.action(),
                    h.actor(), h.operationId(), h.caseId(), h.note(), h.at());
        }
        template.update(con -> c.bind(con.prepareStatement("""
                INSERT INTO record_history (record_id, version, state, decision_date, fields, action, actor, operation_id, case_id, note, at)
                SELECT u.record_id::uuid, u.version::int, u.state, u.decision_date::date, u.fields::jsonb, u.action, u.actor,
                    u.operation_id, u.case_id, u.note, u.at::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[]) WITH ORDINALITY
                    AS u(record_id, version, state, decision_date, fields, action, actor, operation_id, case_id, note, at, n)
                ORDER BY u.n"""), con));
    }

    public List<HistoryEntry> history(UUID recordId) {
        return jdbc.sql("""
                SELECT record_id, version, state, decision_date, fields::text AS fields, action, actor, operation_id, case_id, note, at
                FROM record_history WHERE record_id = ? ORDER BY id""").param(recordId)
                .query((rs, n) -> new HistoryEntry(rs.getObject("record_id", UUID.class), rs.getInt("version"),
                        RecordState.valueOf(rs.getString("state")), rs.getDate("decision_date").toLocalDate(),
                        STORED.readValue(rs.getString("fields"), FIELDS), rs.getString("action"), rs.getString("actor"),
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
                STORED.readValue(rs.getString("fields"), FIELDS), rs.getString("content_hash"),
                RecordState.valueOf(rs.getString("state")), rs.getInt("version"), rs.getString("state_note"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
