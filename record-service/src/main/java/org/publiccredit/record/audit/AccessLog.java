package org.publiccredit.record.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.Scenario;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A subject's access log (查询记录): every credit check that included it ({@code credit_check_subject}) and every read of
 * its file beyond the public view by someone else ({@code read_audit}), newest first. The subject is the caller's own:
 * the token's {@code uscc} claim, else its {@code id_number} claim, as for {@code /subjects/mine/...} elsewhere.
 */
@Service
class AccessLog {

    private final JdbcClient jdbc;
    private final SubjectResolver resolver;
    private final Catalog catalog;

    AccessLog(JdbcClient jdbc, SubjectResolver resolver, Catalog catalog) {
        this.jdbc = jdbc;
        this.resolver = resolver;
        this.catalog = catalog;
    }

    /**
     * One access to the file.
     *
     * @param kind CHECK (a credit check for joint measures) or READ (the file beyond its public view)
     * @param at when
     * @param by who: the department or partner, never the person
     * @param scenario for a check: the scenario code
     * @param scenarioName for a check: the scenario's Chinese name
     * @param purpose for a check: the purpose the checker stated
     * @param what for a read: what was read
     */
    record Entry(String kind, Instant at, Accessor by, @JsonInclude(JsonInclude.Include.NON_NULL) String scenario,
            @JsonInclude(JsonInclude.Include.NON_NULL) String scenarioName, @JsonInclude(JsonInclude.Include.NON_NULL) String purpose,
            @JsonInclude(JsonInclude.Include.NON_NULL) String what) {
    }

    AuditPage<Entry> mine(Caller caller, int page, int size) {
        String code = caller.usccClaim().or(caller::idNumberClaim).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "SUBJECT_NOT_REGISTERED", "Your account does not act for a subject (no uscc or id_number claim)"));
        IdentifierCheck check = Identifiers.check(code);
        if (!check.valid()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "SUBJECT_NOT_REGISTERED", "Your account's subject code is not valid");
        }
        // a read never registers anyone: a subject the registry does not know has been read by nobody
        Optional<UUID> subjectId = resolver.lookup(check.normalized()).map(SubjectRef::id);
        String key;
        if (check.kind() == IdentifierKind.USCC) {
            key = "U:" + check.normalized();
        } else if (subjectId.isPresent()) {
            key = "P:" + subjectId.get();
        } else {
            return new AuditPage<>(List.of(), page, size, 0);
        }
        String id = subjectId.map(UUID::toString).orElse(null);
        long total = jdbc.sql("""
                SELECT (SELECT count(*) FROM credit_check_subject WHERE subject_key = ?)
                     + (SELECT count(*) FROM read_audit WHERE subject_id = ?::uuid)""")
                .params(key, id).query(Long.class).single();
        List<Entry> items = jdbc.sql("""
                SELECT kind, at, caller_name, client_id, department, scenario, purpose, what FROM (
                    SELECT 'CHECK' AS kind, c.checked_at AS at, c.caller_name, c.client_id, c.department, c.scenario, c.purpose,
                           NULL AS what, c.id::text AS tie
                    FROM credit_check_subject s JOIN credit_check c ON c.id = s.check_id WHERE s.subject_key = ?
                    UNION ALL
                    SELECT 'READ', r.at, r.caller_name, r.client_id, r.department, NULL, NULL, r.what, r.id::text
                    FROM read_audit r WHERE r.subject_id = ?::uuid
                ) a ORDER BY at DESC, tie DESC LIMIT ? OFFSET ?""")
                .params(key, id, size, (long) page * size)
                .query((rs, n) -> {
                    String scenario = rs.getString("scenario");
                    return new Entry(rs.getString("kind"), rs.getTimestamp("at").toInstant(),
                            Accessor.of(rs.getString("caller_name"), rs.getString("client_id"), rs.getString("department")),
                            scenario, scenario == null ? null : scenarioName(scenario), rs.getString("purpose"), rs.getString("what"));
                })
                .list();
        return new AuditPage<>(items, page, size, total);
    }

    private String scenarioName(String code) {
        return catalog.scenarios().stream().filter(s -> s.code().equals(code)).map(Scenario::nameZh).findFirst().orElse(null);
    }
}
