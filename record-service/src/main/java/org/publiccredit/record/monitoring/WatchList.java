package org.publiccredit.record.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.publiccredit.commons.id.IdentifierCheck;
import org.publiccredit.commons.id.IdentifierKind;
import org.publiccredit.commons.id.Identifiers;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.publiccredit.commons.security.Caller;
import org.publiccredit.record.client.SubjectRef;
import org.publiccredit.record.client.SubjectResolver;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner client's watch list (关注名单): subjects keyed by their subject id, added and removed in bulk (up to
 * {@code maxPerRequest} codes a request, at most {@code maxWatched} subjects a client). Codes are USCC or id numbers
 * (bodies only), checked with commons and looked up — never registered — in subject-service, as credit checks look them
 * up; an invalid or unregistered code is that item's error, the others are applied. A subject added now is told from
 * now on (changes written before it was added are no event); its grade now is the base of its GRADE_CHANGED events.
 */
@Service
class WatchList {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SubjectResolver resolver;
    private final MonitoringClients clients;
    private final Grades grades;
    private final MonitoringProperties properties;

    WatchList(JdbcClient jdbc, JdbcTemplate template, SubjectResolver resolver, MonitoringClients clients, Grades grades,
            MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.template = template;
        this.resolver = resolver;
        this.clients = clients;
        this.grades = grades;
        this.properties = properties;
    }

    /**
     * The outcome of a bulk change.
     *
     * @param added subjects added (add) / removed (remove)
     * @param unchanged subjects already watched (add) / not watched (remove)
     * @param total subjects the client watches now
     * @param errors the items not applied: {@code subjects[i]} with the identifier's error code
     */
    record Outcome(int added, int unchanged, long total, List<FieldProblem> errors) {
    }

    /**
     * One watched subject.
     *
     * @param code the USCC, or the masked id number
     * @param kind USCC or ID_NUMBER
     * @param name the organisation's registered name (absent for persons)
     * @param grade the grade last told (organisations)
     * @param addedAt when it was added
     */
    record Watched(String code, String kind, String name, String grade, Instant addedAt) {
    }

    /**
     * A page of the watch list, ordered by code.
     *
     * @param items this page
     * @param page 0-based
     * @param size page size
     * @param total subjects watched
     */
    record Page(List<Watched> items, int page, int size, long total) {
    }

    private record Item(int index, String normalized, IdentifierKind kind) {
    }

    @Transactional
    public Outcome add(Caller caller, List<?> subjects) {
        MonitoringClients.clientOf(caller);
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, SubjectRef> refs = resolve(subjects, errors); // before any write: no transaction id held meanwhile
        String client = clients.register(caller);
        clients.lock(client);
        CustomPlans.forThisTransaction(jdbc);
        Set<UUID> ids = new LinkedHashSet<>();
        refs.values().forEach(r -> ids.add(r.id()));
        Set<UUID> present = new HashSet<>(jdbc.sql("SELECT subject_id FROM watch_subject WHERE client_id = ? AND subject_id = ANY(?)")
                .params(client, ids.toArray(UUID[]::new)).query(UUID.class).list());
        long total = count(client);
        Map<UUID, SubjectRef> fresh = new LinkedHashMap<>();
        refs.values().stream().filter(r -> !present.contains(r.id())).forEach(r -> fresh.putIfAbsent(r.id(), r));
        int limit = properties.maxWatched(client);
        if (total + fresh.size() > limit) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "WATCHLIST_FULL", "A watch list holds at most "
                    + limit + " subjects: " + total + " are watched, " + fresh.size() + " more were asked; none was added",
                    List.of(new FieldProblem("subjects", "WATCHLIST_FULL", "at most " + Math.max(0, limit - total) + " more")))
                    .with("limit", limit).with("watched", total);
        }
        Map<UUID, String> baseline = grades.of(fresh.values().stream().filter(r -> "USCC".equals(r.kind())).map(SubjectRef::id).toList());
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<SubjectRef> rows = List.copyOf(fresh.values());
        template.batchUpdate("""
                INSERT INTO watch_subject (client_id, subject_id, subject_kind, subject_code, subject_name, last_grade, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows, 1000, (ps, r) -> {
            boolean person = !"USCC".equals(r.kind());
            ps.setString(1, client);
            ps.setObject(2, r.id());
            ps.setString(3, person ? "ID_NUMBER" : "USCC");
            ps.setString(4, person ? r.masked() : r.code());
            ps.setString(5, person ? null : name(r));
            ps.setString(6, baseline.get(r.id()));
            ps.setTimestamp(7, now);
        });
        return new Outcome(fresh.size(), ids.size() - fresh.size(), total + fresh.size(), errors);
    }

    @Transactional
    public Outcome remove(Caller caller, List<?> subjects) {
        MonitoringClients.clientOf(caller);
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, SubjectRef> refs = resolve(subjects, errors); // before any write: no transaction id held meanwhile
        String client = clients.register(caller);
        clients.lock(client);
        CustomPlans.forThisTransaction(jdbc);
        Set<UUID> ids = new LinkedHashSet<>();
        refs.values().forEach(r -> ids.add(r.id()));
        int removed = jdbc.sql("DELETE FROM watch_subject WHERE client_id = ? AND subject_id = ANY(?)")
                .params(client, ids.toArray(UUID[]::new)).update();
        return new Outcome(removed, ids.size() - removed, count(client), errors);
    }

    public Page list(Caller caller, int page, int size) {
        String client = MonitoringClients.clientOf(caller);
        List<Watched> items = jdbc.sql("""
                SELECT subject_code, subject_kind, subject_name, last_grade, added_at FROM watch_subject
                WHERE client_id = ? ORDER BY subject_code, subject_id LIMIT ? OFFSET ?""")
                .params(client, size, (long) page * size)
                .query((rs, n) -> new Watched(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        return new Page(items, page, size, count(client));
    }

    private long count(String client) {
        return jdbc.sql("SELECT count(*) FROM watch_subject WHERE client_id = ?").param(client).query(Long.class).single();
    }

    /** The registered subjects of the valid codes (normalized code → subject); every other item is an error. */
    private Map<String, SubjectRef> resolve(List<?> subjects, List<FieldProblem> errors) {
        if (subjects == null || subjects.isEmpty()) {
            throw ApiException.invalid("WATCHLIST_INVALID", "Give the subjects' codes",
                    List.of(new FieldProblem("subjects", "FIELD_REQUIRED", "a list of USCC codes or id numbers")));
        }
        if (subjects.size() > properties.maxPerRequest()) {
            throw ApiException.invalid("WATCHLIST_INVALID", "At most " + properties.maxPerRequest() + " codes in one request",
                    List.of(new FieldProblem("subjects", "TOO_MANY_SUBJECTS", "at most " + properties.maxPerRequest())));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            Object raw = subjects.get(i);
            String field = "subjects[" + i + "]";
            if (raw != null && !(raw instanceof String)) {
                // a number, a list or an object is a malformed request, not one item's error: nothing is stored
                throw ApiException.invalid("WATCHLIST_INVALID", "Every subject is a code written as text",
                        List.of(new FieldProblem(field, "FIELD_TYPE_INVALID", "a USCC code or id number as a JSON string")));
            }
            if (!(raw instanceof String s) || s.isBlank()) {
                errors.add(new FieldProblem(field, "FIELD_REQUIRED", "a USCC code or id number"));
                continue;
            }
            IdentifierCheck c = Identifiers.check(s);
            if (!c.valid()) {
                var e = c.errors().isEmpty() ? null : c.errors().getFirst();
                errors.add(new FieldProblem(field, e == null ? "IDENTIFIER_INVALID" : e.code(),
                        e == null ? "not a valid USCC or id number" : e.messageEn()));
                continue;
            }
            items.add(new Item(i, c.normalized(), c.kind()));
        }
        if (items.isEmpty()) {
            return Map.of();
        }
        errors.sort(java.util.Comparator.comparingInt(WatchList::index));
        List<String> codes = items.stream().map(Item::normalized).distinct().toList();
        Map<String, Optional<SubjectRef>> answers = resolver.lookupAnswers(codes);
        Map<String, SubjectRef> out = new HashMap<>();
        for (Item item : items) {
            Optional<SubjectRef> answer = answers.get(item.normalized());
            if (answer == null) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SUBJECT_SERVICE_UNAVAILABLE",
                        "The subject registry could not be asked; nothing was changed").retryAfter(5);
            }
            if (answer.isEmpty()) {
                errors.add(new FieldProblem("subjects[" + item.index() + "]", "SUBJECT_NOT_REGISTERED",
                        "no subject is registered under this code"));
            } else {
                out.put(item.normalized(), answer.get());
            }
        }
        errors.sort(java.util.Comparator.comparingInt(WatchList::index));
        return out;
    }

    private static int index(FieldProblem p) {
        String f = p.field();
        return Integer.parseInt(f.substring(f.indexOf('[') + 1, f.indexOf(']')));
    }

    /** An organisation's registered name, never a raw id number (a registry name holding one by mistake). */
    private static String name(SubjectRef r) {
        if (r.name() == null || r.name().isBlank()) {
            return null;
        }
        IdentifierCheck asId = Identifiers.check(r.name().strip());
        return asId.valid() && asId.kind() == IdentifierKind.ID_NUMBER ? null : r.name().strip();
    }
}
