package org.publiccredit.objection.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.objection.effect.CaseJournal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Cases and their history in PostgreSQL, with explicit SQL; updates check the version (optimistic locking). */
@Repository
public class CaseRepository implements CaseJournal {

    private static final String OPEN_STATES = "('SUBMITTED','ACCEPTED','VERIFYING','REVIEWED')";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CaseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored case with the request hash of its filing (for idempotent replays). */
    public record Filed(CaseFile file, String requestHash) {
    }

    /**
     * What a filing stores besides the case: the record's version it was filed against (feed changes at or below it
     * happened before the case) and how to reach the applicant (the token's e-mail address, the filing's language).
     *
     * @param recordVersion the record's version at filing, or null when record-service did not say
     * @param email the applicant's e-mail address, or null
     * @param language the applicant's language tag (zh-CN or en)
     */
    public record Filing(Integer recordVersion, String email, String language) {
    }

    public void insert(CaseFile c, String idempotencyKey, String requestHash, Instant now, Filing filing) {
        RecordRef r = c.record();
        jdbc.sql("""
                INSERT INTO credit_case (id, kind, state, version, record_id, record_subject_id, record_subject_code,
                    record_subject_kind, record_region, record_department, record_category, record_document_number,
                    record_decision_date, owner_key, applicant_id, applicant_username, reason, obligations_statement,
                    idempotency_key, request_hash, submitted_at, deadline_kind, deadline_due, deadline_problem, updated_at,
                    record_version, applicant_email, applicant_language)
                VALUES (:id, :kind, :state, 0, :recordId, :subjectId, :subjectCode, :subjectKind, :region, :department,
                    :category, :documentNumber, :decisionDate, :owner, :applicantId, :applicantUsername, :reason,
                    :obligations, :key, :hash, :submittedAt, :deadlineKind, :deadlineDue, :deadlineProblem, :now,
                    :recordVersion, :email, :language)
                """)
                .param("recordVersion", filing.recordVersion()).param("email", filing.email()).param("language", filing.language())
                .param("id", c.id()).param("kind", c.kind().name()).param("state", c.state().name())
                .param("recordId", r.recordId()).param("subjectId", r.subjectId()).param("subjectCode", r.subjectCode())
                .param("subjectKind", r.subjectKind()).param("region", r.region()).param("department", r.department())
                .param("category", r.category()).param("documentNumber", r.documentNumber())
                .param("decisionDate", r.decisionDate())
                .param("owner", c.ownerKey()).param("applicantId", c.applicantId())
                .param("applicantUsername", c.applicantUsername()).param("reason", c.reason())
                .param("obligations", c.obligationsStatement()).param("key", idempotencyKey).param("hash", requestHash)
                .param("submittedAt", ts(c.submittedAt()))
                .param("deadlineKind", c.deadline() == null ? null : c.deadline().kind())
                .param("deadlineDue", c.deadline() == null ? null : c.deadline().due())
                .param("deadlineProblem", c.deadline() == null ? null : c.deadline().problem())
                .param("now", ts(now))
                .update();
    }

    /** Writes the transition's result if nobody changed the case since it was read; else 409 CONCURRENT_UPDATE. */
    public void update(CaseFile c, Instant now) {
        Proposal p = c.proposal();
        Decision d = c.decision();
        int rows = jdbc.sql("""
                UPDATE credit_case SET state = :state, version = version + 1, accepted_at = :acceptedAt,
                    assigned_at = :assignedAt, proposal_outcome = :pOutcome, proposal_reason = :pReason,
                    proposal_fields = CAST(:pFields AS jsonb), proposed_at = :pAt, proposed_by = :pBy,
                    decision_outcome = :dOutcome, decision_reason = :dReason, decided_at = :dAt, decided_by = :dBy,
                    deadline_kind = :deadlineKind, deadline_due = :deadlineDue, deadline_problem = :deadlineProblem,
                    updated_at = :now
                WHERE id = :id AND version = :version
                """)
                .param("state", c.state().name()).param("acceptedAt", ts(c.acceptedAt()))
                .param("assignedAt", ts(c.assignedAt()))
                .param("pOutcome", p == null ? null : p.outcome().name()).param("pReason", p == null ? null : p.reason())
                .param("pFields", p == null ? null : json.writeValueAsString(p.fields()))
                .param("pAt", p == null ? null : ts(p.at())).param("pBy", p == null ? null : p.by())
                .param("dOutcome", d == null || d.outcome() == null ? null : d.outcome().name())
                .param("dReason", d == null ? null : d.reason()).param("dAt", d == null ? null : ts(d.at()))
                .param("dBy", d == null ? null : d.by())
                .param("deadlineKind", c.deadline() == null ? null : c.deadline().kind())
                .param("deadlineDue", c.deadline() == null ? null : c.deadline().due())
                .param("deadlineProblem", c.deadline() == null ? null : c.deadline().problem())
                .param("now", ts(now)).param("id", c.id()).param("version", c.version())
                .update();
        if (rows != 1) {
            throw ApiException.conflict("CONCURRENT_UPDATE", "The case was changed by someone else meanwhile; reload it and try again");
        }
    }

    /** Locks the case row until the transaction ends (serialises uploads to one case). */
    public void lock(UUID id) {
        jdbc.sql("SELECT id FROM credit_case WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class).optional();
    }

    public Optional<CaseFile> find(UUID id) {
        return jdbc.sql("SELECT * FROM credit_case WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Filed> findByIdempotencyKey(String applicantId, String key) {
        return jdbc.sql("SELECT * FROM credit_case WHERE applicant_id = :a AND idempotency_key = :k")
                .param("a", applicantId).param("k", key)
                .query((rs, n) -> new Filed(map(rs, n), rs.getString("request_hash"))).optional();
    }

    public boolean openCaseExists(String recordId) {
        return jdbc.sql("SELECT count(*) FROM credit_case WHERE record_id = :r AND state IN " + OPEN_STATES)
                .param("r", recordId).query(Long.class).single() > 0;
    }

    public List<CaseFile> findByOwner(String ownerKey, int limit, int offset) {
        return jdbc.sql("SELECT * FROM credit_case WHERE owner_key = :o ORDER BY submitted_at DESC, id LIMIT :l OFFSET :f")
                .param("o", ownerKey).param("l", limit).param("f", offset).query(this::map).list();
    }

    public long countByOwner(String ownerKey) {
        return jdbc.sql("SELECT count(*) FROM credit_case WHERE owner_key = :o").param("o", ownerKey).query(Long.class).single();
    }

    /**
     * A page of a queue. {@code scope} restricts to the caller's cases (region prefix or department), {@code filter} is
     * the queue's condition; both are fixed SQL fragments chosen in code, the values are parameters.
     */
    public List<CaseFile> queue(String scope, String filter, Map<String, Object> params, int limit, int offset) {
        var spec = jdbc.sql("SELECT * FROM credit_case WHERE " + scope + " AND " + filter
                + " ORDER BY deadline_due NULLS LAST, submitted_at, id LIMIT :limit OFFSET :offset");
        params.forEach(spec::param);
        return spec.param("limit", limit).param("offset", offset).query(this::map).list();
    }

    public long count(String scope, String filter, Map<String, Object> params) {
        var spec = jdbc.sql("SELECT count(*) FROM credit_case WHERE " + scope + " AND " + filter);
        params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    public void addHistory(UUID caseId, Instant at, Transition t) {
        jdbc.sql("""
                INSERT INTO case_history (case_id, at, action, from_state, to_state, actor_role, actor_id, actor_username, note)
                VALUES (:c, :at, :action, :from, :to, :role, :actorId, :username, :note)
                """)
                .param("c", caseId).param("at", ts(at)).param("action", t.action())
                .param("from", t.from() == null ? null : t.from().name()).param("to", t.to().name())
                .param("role", t.actor().role().name()).param("actorId", t.actor().userId())
                .param("username", t.actor().username()).param("note", t.note())
                .update();
    }

    /** A history line by the service itself (an effect delivered or refused); the state does not change. */
    @Override
    public void systemNote(UUID caseId, Instant at, String action, String note) {
        jdbc.sql("""
                INSERT INTO case_history (case_id, at, action, from_state, to_state, actor_role, actor_id, actor_username, note)
                SELECT id, :at, :action, state, state, 'SYSTEM', 'objection-service', NULL, :note FROM credit_case WHERE id = :c
                """)
                .param("c", caseId).param("at", ts(at)).param("action", action).param("note", note)
                .update();
    }

    public List<HistoryEntry> history(UUID caseId) {
        return jdbc.sql("SELECT * FROM case_history WHERE case_id = :c ORDER BY at, id").param("c", caseId)
                .query((rs, n) -> new HistoryEntry(instant(rs, "at"), rs.getString("action"),
                        rs.getString("from_state") == null ? null : CaseState.valueOf(rs.getString("from_state")),
                        CaseState.valueOf(rs.getString("to_state")), ActorRole.valueOf(rs.getString("actor_role")),
                        rs.getString("actor_id"), rs.getString("actor_username"), rs.getString("note")))
                .list();
    }

    private CaseFile map(ResultSet rs, int n) throws SQLException {
        CaseKind kind = CaseKind.valueOf(rs.getString("kind"));
        RecordRef record = new RecordRef(rs.getString("record_id"), rs.getString("record_subject_id"),
                rs.getString("record_subject_code"), rs.getString("record_subject_kind"), rs.getString("record_region"),
                rs.getString("record_department"), rs.getString("record_category"), rs.getString("record_document_number"),
                rs.getObject("record_decision_date", LocalDate.class));
        Proposal proposal = rs.getString("proposal_outcome") == null ? null
                : new Proposal(Outcome.valueOf(rs.getString("proposal_outcome")), rs.getString("proposal_reason"),
                        rs.getString("proposal_fields") == null ? Map.of() : json.readValue(rs.getString("proposal_fields"), MAP),
                        instant(rs, "proposed_at"), rs.getString("proposed_by"));
        Decision decision = rs.getObject("decided_at") == null ? null
                : new Decision(rs.getString("decision_outcome") == null ? null : Outcome.valueOf(rs.getString("decision_outcome")),
                        rs.getString("decision_reason"), instant(rs, "decided_at"), rs.getString("decided_by"));
        Deadline deadline = rs.getString("deadline_kind") == null ? null
                : new Deadline(rs.getString("deadline_kind"), rs.getObject("deadline_due", LocalDate.class),
                        rs.getString("deadline_problem"));
        return new CaseFile(rs.getObject("id", UUID.class), kind, CaseState.valueOf(rs.getString("state")), rs.getInt("version"),
                record, rs.getString("owner_key"), rs.getString("applicant_id"), rs.getString("applicant_username"),
                rs.getString("reason"), rs.getString("obligations_statement"), instant(rs, "submitted_at"),
                instant(rs, "accepted_at"), instant(rs, "assigned_at"), proposal, decision, deadline);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** TIMESTAMPTZ parameters as UTC offsets, independent of the JVM's time zone. */
    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
