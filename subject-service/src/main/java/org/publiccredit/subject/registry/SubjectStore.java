package org.publiccredit.subject.registry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.feed.ChangeLogOrder;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.SubjectType;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The subject table, with explicit SQL; writes are JDBC batches (multi-row inserts with reWriteBatchedInserts). */
@Repository
public class SubjectStore {

    private static final String COLUMNS = "id, kind, code, id_hash, id_masked, id_encrypted, id_legacy, name, former_names::text AS former_names, short_names::text AS short_names, "
            + "type, region, legal_representative, registration_date, registration_status, industry, address, verified, source, "
            + "version, created_at, updated_at";
    private static final TypeReference<List<FormerName>> FORMER_NAMES = new TypeReference<>() { };
    private static final TypeReference<List<String>> SHORT_NAMES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<Subject> mapper;

    SubjectStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = this::map;
    }

    public Optional<Subject> findById(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM subject WHERE id = ?", mapper, id).stream().findFirst();
    }

    public Optional<Subject> findByCode(String code) {
        return jdbc.query("SELECT " + COLUMNS + " FROM subject WHERE code = ?", mapper, code).stream().findFirst();
    }

    /** The organisation whose USCC contains this organisation code (characters 9-17; index subject_org_code). */
    public Optional<Subject> findByOrgCode(String orgCode) {
        return jdbc.query("SELECT " + COLUMNS + " FROM subject WHERE substring(code, 9, 9) = ? AND code IS NOT NULL ORDER BY code LIMIT 1",
                mapper, orgCode).stream().findFirst();
    }

    public Optional<Subject> findByHash(byte[] hash) {
        return jdbc.query("SELECT " + COLUMNS + " FROM subject WHERE id_hash = ?", mapper, (Object) hash).stream().findFirst();
    }

    public List<Subject> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> withArray(con, "SELECT " + COLUMNS + " FROM subject WHERE code = ANY(?)", "text", codes.toArray()), mapper);
    }

    public List<Subject> findByHashes(Collection<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> withArray(con, "SELECT " + COLUMNS + " FROM subject WHERE id_hash = ANY(?)", "bytea",
                hashes.toArray(new byte[0][])), mapper);
    }

    /** Inserts new subjects (version 0). A concurrent insert of the same key fails the transaction (DuplicateKeyException). */
    void insert(List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO subject (id, kind, code, id_hash, id_masked, id_encrypted, id_legacy, name, former_names, type, "
                + "region, legal_representative, registration_date, registration_status, industry, address, verified, source, "
                + "created_at, updated_at, short_names) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)", subjects, 1000,
                (ps, s) -> {
                    ps.setObject(1, s.id());
                    ps.setString(2, s.kind().name());
                    ps.setString(3, s.code());
                    ps.setBytes(4, s.idHash());
                    ps.setString(5, s.masked());
                    ps.setBytes(6, s.idEncrypted());
                    ps.setBoolean(7, s.idLegacy());
                    setData(ps, 8, s);
                    ps.setBoolean(17, s.verified());
                    ps.setString(18, s.source());
                    ps.setTimestamp(19, Timestamp.from(s.createdAt()));
                    ps.setTimestamp(20, Timestamp.from(s.updatedAt()));
                    ps.setString(21, json.writeValueAsString(s.shortNames()));
                });
    }

    /** Updates subjects to their new state {@code s}, whose stored version must still be {@code s.version() - 1}. */
    void update(List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        int[][] counts = jdbc.batchUpdate("UPDATE subject SET name = ?, former_names = ?::jsonb, type = ?, region = ?, "
                + "legal_representative = ?, registration_date = ?, registration_status = ?, industry = ?, address = ?, "
                + "verified = ?, source = ?, short_names = ?::jsonb, version = version + 1, updated_at = ? WHERE id = ? AND version = ?", subjects, 1000,
                (ps, s) -> {
                    setData(ps, 1, s);
                    ps.setBoolean(10, s.verified());
                    ps.setString(11, s.source());
                    ps.setString(12, json.writeValueAsString(s.shortNames()));
                    ps.setTimestamp(13, Timestamp.from(s.updatedAt()));
                    ps.setObject(14, s.id());
                    ps.setLong(15, s.version() - 1);
                });
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    throw new OptimisticLockingFailureException("a subject changed concurrently");
                }
            }
        }
    }

    /** Writes the change-feed rows of these subjects (their new state), in the caller's transaction. */
    void recordChanges(List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        jdbc.execute(ChangeLogOrder.LOCK_SQL); // seq order = commit order, held to commit (see ChangeLogOrder)
        jdbc.batchUpdate("INSERT INTO change_log (entity_type, entity_id, change_kind, payload) VALUES ('SUBJECT', ?, 'UPSERT', ?::jsonb)",
                subjects, 1000, (ps, s) -> {
                    ps.setString(1, s.id().toString());
                    ps.setString(2, json.writeValueAsString(new FeedPayload(FeedSubject.of(s))));
                });
    }

    /** The feed's payload: the subject without the keyed hash or anything of the raw number (docs/contracts.md). */
    record FeedPayload(FeedSubject subject) {
    }

    record FeedSubject(UUID id, IdentifierKind kind, String code, String masked, String name, List<FormerName> formerNames,
            List<String> shortNames, SubjectType type, String region, RegistrationStatus status, boolean verified, Industry industry) {
        static FeedSubject of(Subject s) {
            return new FeedSubject(s.id(), s.kind(), s.code(), s.masked(), s.name(), s.formerNames(), s.shortNames(), s.type(), s.region(),
                    s.status(), s.verified(), s.industry());
        }
    }

    private void setData(PreparedStatement ps, int at, Subject s) throws SQLException {
        ps.setString(at, s.name());
        ps.setString(at + 1, json.writeValueAsString(s.formerNames()));
        ps.setString(at + 2, s.type().name());
        ps.setString(at + 3, s.region());
        ps.setString(at + 4, s.legalRepresentative());
        if (s.registrationDate() != null) {
            ps.setDate(at + 5, Date.valueOf(s.registrationDate()));
        } else {
            ps.setNull(at + 5, Types.DATE);
        }
        ps.setString(at + 6, s.status() == null ? null : s.status().name());
        ps.setString(at + 7, s.industry() == null ? null : s.industry().name());
        ps.setString(at + 8, s.address());
    }

    private static PreparedStatement withArray(Connection con, String sql, String type, Object[] values) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        Array array = con.createArrayOf(type, values);
        ps.setArray(1, array);
        return ps;
    }

    private Subject map(ResultSet rs, int row) throws SQLException {
        Date date = rs.getDate("registration_date");
        String status = rs.getString("registration_status");
        String industry = rs.getString("industry");
        Timestamp created = rs.getTimestamp("created_at");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Subject(rs.getObject("id", UUID.class), IdentifierKind.valueOf(rs.getString("kind")), rs.getString("code"),
                rs.getBytes("id_hash"), rs.getString("id_masked"), rs.getBytes("id_encrypted"), rs.getBoolean("id_legacy"),
                rs.getString("name"), json.readValue(rs.getString("former_names"), FORMER_NAMES),
                json.readValue(rs.getString("short_names"), SHORT_NAMES),
                SubjectType.valueOf(rs.getString("type")), rs.getString("region"), rs.getString("legal_representative"),
                date == null ? null : date.toLocalDate(), status == null ? null : RegistrationStatus.valueOf(status),
                industry == null ? null : Industry.valueOf(industry), rs.getString("address"), rs.getBoolean("verified"),
                rs.getString("source"), rs.getLong("version"), created.toInstant(), updated.toInstant());
    }
}
