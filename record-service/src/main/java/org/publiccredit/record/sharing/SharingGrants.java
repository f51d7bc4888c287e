package org.publiccredit.record.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.commons.security.Role;
import org.publiccredit.record.catalog.Catalog;
import org.publiccredit.record.catalog.CatalogEntry;
import org.publiccredit.record.catalog.Sharing;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing grants (共享授权, DOMAIN.md section 10): a department (an officer, or its partner client — the token's
 * {@code department} claim) applies for one 有条件共享 category with its legal basis; an admin approves it until an end
 * date (inclusive, Asia/Shanghai, the platform clock) or refuses it with a reason. Every step is kept in the grant's
 * history (who, through which client, when). An approved grant may be approved again with another end date (to extend it,
 * or to end it early: a past day, up to a year back, ends it at once); a refused one is final.
 */
@Service
public class SharingGrants {

    /** The longest grant: five years ahead. */
    static final int MAX_YEARS = 5;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final PublicityPolicy policy;

    SharingGrants(JdbcClient jdbc, Catalog catalog, PublicityPolicy policy) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.policy = policy;
    }

    /**
     * One step of a grant.
     *
     * @param action APPLIED, APPROVED or REFUSED
     * @param actor the username (or client) who took it
     * @param clientId the client the token was issued to
     * @param until the end date set by an approval
     * @param note the basis (applied) or the reason (refused)
     * @param at when
     */
    public record Step(String action, String actor, String clientId, LocalDate until, String note, Instant at) {
    }

    /**
     * A sharing grant.
     *
     * @param id grant id
     * @param department the department it is for
     * @param category the 有条件共享 category
     * @param basis the legal basis stated
     * @param purpose the purpose stated
     * @param state PENDING, APPROVED or REFUSED
     * @param until last day of an approved grant (inclusive)
     * @param active whether it opens the category today
     * @param reason why refused
     * @param appliedBy who applied
     * @param appliedAt when
     * @param decidedBy the admin who decided last
     * @param decidedAt when
     * @param history every step, oldest first
     */
    public record Grant(UUID id, String department, String category, String basis, String purpose, String state,
            LocalDate until, boolean active, String reason, String appliedBy, Instant appliedAt, String decidedBy,
            Instant decidedAt, List<Step> history) {
    }

    /** The department the caller acts for (officer or partner with a department claim), or a 403 problem. */
    public static String department(Caller caller) {
        if (!caller.hasAny(Role.OFFICER, Role.PARTNER)) {
            throw noDepartment();
        }
        return caller.departmentClaim().filter(d -> !d.isBlank()).orElseThrow(SharingGrants::noDepartment);
    }

    private static ApiException noDepartment() {
        return ApiException.forbidden("DEPARTMENT_REQUIRED", "Only a department (an officer or a partner client with a department) may do this");
    }

    @Transactional
    public Grant apply(Caller caller, String category, String basis, String purpose) {
        String department = department(caller);
        List<FieldProblem> problems = new ArrayList<>();
        Optional<CatalogEntry> entry = catalog.find(category);
        if (entry.isEmpty()) {
            problems.add(new FieldProblem("category", "CATALOG_CATEGORY_UNKNOWN", "not a category of the catalog"));
        } else if (entry.get().sharing() != Sharing.CONDITIONAL) {
            problems.add(new FieldProblem("category", "SHARING_NOT_CONDITIONAL",
                    "only a 有条件共享 (CONDITIONAL) category needs a grant; this one is " + entry.get().sharing()));
        }
        text("basis", basis, "state the legal basis", problems);
        text("purpose", purpose, "state the purpose", problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("SHARING_GRANT_INVALID", "The application is invalid", problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO sharing_grant (id, department, category, basis, purpose, state, applied_by) VALUES (?, ?, ?, ?, ?, 'PENDING', ?)")
                .params(id, department, category, basis.strip(), purpose.strip(), actor(caller)).update();
        step(id, "APPLIED", caller, null, basis.strip());
        return get(id);
    }

    @Transactional
    public Grant approve(Caller caller, UUID id, LocalDate until) {
        Grant g = forUpdate(id);
        if (until == null) {
            throw ApiException.invalid("SHARING_GRANT_INVALID", "The approval needs an end date",
                    List.of(new FieldProblem("until", "FIELD_REQUIRED", "the grant's last day (yyyy-MM-dd)")));
        }
        if (until.isAfter(policy.today().plusYears(MAX_YEARS)) || until.isBefore(policy.today().minusYears(1))) {
            throw ApiException.invalid("SHARING_GRANT_INVALID", "The end date is out of range",
                    List.of(new FieldProblem("until", "GRANT_UNTIL_OUT_OF_RANGE", "from a year ago (to end a grant early) to "
                            + MAX_YEARS + " years ahead")));
        }
        if (g.state().equals("REFUSED")) {
            throw ApiException.conflict("GRANT_ALREADY_DECIDED", "The grant was refused; apply again");
        }
        jdbc.sql("UPDATE sharing_grant SET state = 'APPROVED', valid_until = ?, reason = NULL, decided_by = ?, decided_at = now() WHERE id = ?")
                .params(until, actor(caller), id).update();
        step(id, "APPROVED", caller, until, null);
        return get(id);
    }

    @Transactional
    public Grant refuse(Caller caller, UUID id, String reason) {
        Grant g = forUpdate(id);
        List<FieldProblem> problems = new ArrayList<>();
        text("reason", reason, "state why", problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("SHARING_GRANT_INVALID", "The refusal needs a reason", problems);
        }
        if (!g.state().equals("PENDING")) {
            throw ApiException.conflict("GRANT_ALREADY_DECIDED", "Only a pending application can be refused (the grant is " + g.state() + ")");
        }
        jdbc.sql("UPDATE sharing_grant SET state = 'REFUSED', reason = ?, decided_by = ?, decided_at = now() WHERE id = ?")
                .params(reason.strip(), actor(caller), id).update();
        step(id, "REFUSED", caller, null, reason.strip());
        return get(id);
    }

    /** An admin sees every grant; a department its own; anyone else is refused. */
    public List<Grant> list(Caller caller) {
        String where = caller.has(Role.ADMIN) ? "" : " WHERE department = :department";
        JdbcClient.StatementSpec sql = jdbc.sql("SELECT * FROM sharing_grant" + where + " ORDER BY applied_at DESC, id");
        if (!caller.has(Role.ADMIN)) {
            sql = sql.param("department", department(caller));
        }
        List<Grant> grants = sql.query(this::map).list();
        Map<UUID, List<Step>> steps = steps(grants.stream().map(Grant::id).toArray(UUID[]::new));
        return grants.stream().map(g -> withHistory(g, steps.getOrDefault(g.id(), List.of()))).toList();
    }

    /** One grant, to an admin or its own department (anyone else: 404). */
    public Grant find(Caller caller, UUID id) {
        Grant g = get(id);
        if (!caller.has(Role.ADMIN) && !g.department().equals(department(caller))) {
            throw ApiException.notFound("Sharing grant");
        }
        return g;
    }

    /** The 有条件共享 categories a department holds an approved grant for today (end date inclusive). */
    public Set<String> grantedToday(String department) {
        if (department == null) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.sql("""
                SELECT DISTINCT category FROM sharing_grant WHERE department = ? AND state = 'APPROVED' AND valid_until >= ?""")
                .params(department, policy.today()).query(String.class).list());
    }

    private Grant forUpdate(UUID id) {
        jdbc.sql("SELECT id FROM sharing_grant WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("Sharing grant"));
        return get(id);
    }

    private Grant get(UUID id) {
        Grant g = jdbc.sql("SELECT * FROM sharing_grant WHERE id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> ApiException.notFound("Sharing grant"));
        return withHistory(g, steps(new UUID[] {id}).getOrDefault(id, List.of()));
    }

    private Map<UUID, List<Step>> steps(UUID[] ids) {
        Map<UUID, List<Step>> steps = new LinkedHashMap<>();
        if (ids.length == 0) {
            return steps;
        }
        jdbc.sql("SELECT * FROM sharing_grant_history WHERE grant_id = ANY(?) ORDER BY id").param(ids).query(rs -> {
            java.sql.Date until = rs.getDate("valid_until");
            steps.computeIfAbsent(rs.getObject("grant_id", UUID.class), k -> new ArrayList<>()).add(new Step(rs.getString("action"),
                    rs.getString("actor_name"), rs.getString("client_id"), until == null ? null : until.toLocalDate(),
                    rs.getString("note"), rs.getTimestamp("at").toInstant()));
        });
        return steps;
    }

    private Grant withHistory(Grant g, List<Step> history) {
        return new Grant(g.id(), g.department(), g.category(), g.basis(), g.purpose(), g.state(), g.until(), g.active(),
                g.reason(), g.appliedBy(), g.appliedAt(), g.decidedBy(), g.decidedAt(), List.copyOf(history));
    }

    private Grant map(ResultSet rs, int n) throws SQLException {
        java.sql.Date until = rs.getDate("valid_until");
        LocalDate end = until == null ? null : until.toLocalDate();
        String state = rs.getString("state");
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Grant(rs.getObject("id", UUID.class), rs.getString("department"), rs.getString("category"),
                rs.getString("basis"), rs.getString("purpose"), state, end,
                state.equals("APPROVED") && end != null && !end.isBefore(policy.today()), rs.getString("reason"),
                rs.getString("applied_by"), rs.getTimestamp("applied_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), List.of());
    }

    private void step(UUID id, String action, Caller caller, LocalDate until, String note) {
        jdbc.sql("""
                INSERT INTO sharing_grant_history (grant_id, action, actor_sub, actor_name, client_id, valid_until, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, action, caller.subject(), actor(caller), caller.clientId(), until, note).update();
    }

    private static String actor(Caller caller) {
        return caller.username() != null ? caller.username() : caller.clientId();
    }

    static void text(String field, String value, String message, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "FIELD_REQUIRED", message));
        } else if (value.length() > 500) {
            problems.add(new FieldProblem(field, "FIELD_TOO_LONG", "at most 500 characters"));
        }
    }

    /** A 403 problem for a category the department holds no grant for. */
    static ApiException noGrant(String category) {
        return new ApiException(HttpStatus.FORBIDDEN, "NO_SHARING_GRANT",
                "Your department holds no sharing grant in force for " + category,
                List.of(new FieldProblem("categories", "NO_SHARING_GRANT", category)));
    }
}
