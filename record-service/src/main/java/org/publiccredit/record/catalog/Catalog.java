package org.publiccredit.record.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog (公共信用信息目录): loaded at start from the versioned file {@code catalog/catalog.json} into the
 * database (each file version applied once, every change kept in {@code catalog_history}), edited by admins,
 * and served from memory (refreshed on each local edit and every 30 s from the database for other instances).
 */
@Service
public class Catalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Catalog.class);
    static final String FILE = "catalog/catalog.json";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    /** The entries by code, and in code order (sorted once per reload, not per read: summaries ask for them per record). */
    private record Entries(Map<String, CatalogEntry> byCode, List<CatalogEntry> inCodeOrder) {
    }

    private volatile Entries entries = new Entries(Map.of(), List.of());
    private volatile List<Scenario> scenarios = List.of();
    private volatile EvaluationRules evaluation;

    /**
     * One stored revision of an entry.
     *
     * @param code the category
     * @param revision 1, 2, …
     * @param source {@code file:<version>} or {@code admin:<username>}
     * @param changedAt when
     * @param entry the definition
     */
    public record Revision(String code, int revision, String source, Instant changedAt, CatalogEntry entry) {
    }

    Catalog(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    @Override
    public void run(ApplicationArguments args) {
        CatalogFile file = readFile();
        applyFile(file);
        reload();
    }

    CatalogFile readFile() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return json.readValue(in, CatalogFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /** Applies a file version once (across instances: an advisory lock and the catalog_file_load row). */
    void applyFile(CatalogFile file) {
        scenarios = List.copyOf(file.scenarios());
        Set<String> scenarioCodes = scenarioCodes();
        for (CatalogEntry e : file.entries()) {
            List<FieldProblem> p = CatalogValidator.problems(e, scenarioCodes);
            if (!p.isEmpty()) {
                throw new IllegalStateException("catalog file " + file.version() + ", entry " + e.code() + ": " + p);
            }
        }
        if (file.evaluation() == null) {
            throw new IllegalStateException("catalog file " + file.version() + " has no evaluation rules");
        }
        List<FieldProblem> rules = file.evaluation().problems(file.entries());
        if (!rules.isEmpty()) {
            throw new IllegalStateException("catalog file " + file.version() + ", evaluation rules: " + rules);
        }
        evaluation = file.evaluation();
        tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('catalog_file_load'))").query().singleValue();
            int inserted = jdbc.sql("INSERT INTO catalog_file_load (file_version) VALUES (?) ON CONFLICT DO NOTHING")
                    .param(file.version()).update();
            if (inserted == 0) {
                return;
            }
            int changed = 0;
            Set<String> categories = new java.util.TreeSet<>();
            for (CatalogEntry e : file.entries()) {
                boolean wordingOnly = wordingOnly(e);
                if (store(e, "file:" + file.version())) {
                    changed++;
                    if (!wordingOnly) {
                        categories.add(e.code());
                    }
                }
            }
            announce(categories);
            log.info("catalog file version {} applied: {} of {} entries changed", file.version(), changed, file.entries().size());
        });
    }

    /**
     * A changed entry can change what is public of records already stored (the policy decides at read time): their
     * subjects' summaries must be read again. One feed row per record of those categories, kind {@code RULE_CHANGED}
     * (docs/contracts.md), in the caller's transaction, so that the search index and every feed reader follow — a record
     * that stops being public is withdrawn there within seconds of the new rule.
     */
    private void announce(Set<String> categories) {
        if (categories.isEmpty()) {
            return;
        }
        jdbc.sql(org.publiccredit.commons.feed.ChangeLogOrder.LOCK_SQL).update();
        int rows = jdbc.sql("""
                INSERT INTO change_log (entity_type, entity_id, change_kind, payload)
                SELECT 'RECORD', id::text, 'RULE_CHANGED', jsonb_build_object('subjectId', subject_id, 'subjectCode', subject_code,
                       'category', category, 'state', state, 'version', version)
                FROM credit_record WHERE category = ANY(?)""")
                .param(categories.toArray(String[]::new)).update();
        log.info("catalog entries {} changed: {} records announced on the feed", categories, rows);
    }

    /**
     * Whether the entry differs from the stored one in its fields' English labels at most: words people read, nothing
     * of what is public, so no record needs to be announced again (2026.5 added them to 429,000 local records' entries).
     */
    private boolean wordingOnly(CatalogEntry e) {
        Optional<String> current = jdbc.sql("SELECT definition::text FROM catalog_entry WHERE code = ?").param(e.code())
                .query(String.class).optional();
        if (current.isEmpty()) {
            return false;
        }
        return withoutEnglishLabels(json.readTree(current.get())).equals(withoutEnglishLabels(json.readTree(json.writeValueAsString(e))));
    }

    private static tools.jackson.databind.JsonNode withoutEnglishLabels(tools.jackson.databind.JsonNode definition) {
        if (definition.path("fields") instanceof tools.jackson.databind.node.ArrayNode fields) {
            fields.forEach(f -> {
                if (f instanceof tools.jackson.databind.node.ObjectNode o) {
                    o.remove("labelEn");
                }
            });
        }
        return definition;
    }

    /** Stores a new revision when the definition differs from the stored one; true when it did. */
    private boolean store(CatalogEntry e, String source) {
        String definition = json.writeValueAsString(e);
        Optional<Map<String, Object>> current = jdbc.sql("SELECT revision, definition::text AS definition FROM catalog_entry WHERE code = ? FOR UPDATE")
                .param(e.code()).query().listOfRows().stream().findFirst();
        if (current.isPresent() && json.readTree((String) current.get().get("definition")).equals(json.readTree(definition))) {
            return false;
        }
        int revision = current.map(c -> ((Number) c.get("revision")).intValue() + 1).orElse(1);
        jdbc.sql("""
                INSERT INTO catalog_entry (code, revision, definition, source, updated_at) VALUES (?, ?, ?::jsonb, ?, now())
                ON CONFLICT (code) DO UPDATE SET revision = EXCLUDED.revision, definition = EXCLUDED.definition,
                    source = EXCLUDED.source, updated_at = now()""")
                .params(e.code(), revision, definition, source).update();
        jdbc.sql("INSERT INTO catalog_history (code, revision, definition, source) VALUES (?, ?, ?::jsonb, ?)")
                .params(e.code(), revision, definition, source).update();
        return true;
    }

    /** Re-reads the entries from the database (other instances' edits). */
    @Scheduled(fixedDelayString = "${platform.catalog.refresh:30s}", initialDelayString = "${platform.catalog.refresh:30s}")
    public void reload() {
        Map<String, CatalogEntry> loaded = new LinkedHashMap<>();
        jdbc.sql("SELECT definition::text FROM catalog_entry ORDER BY code").query(String.class).list()
                .forEach(d -> {
                    CatalogEntry e = json.readValue(d, CatalogEntry.class);
                    loaded.put(e.code(), e);
                });
        entries = new Entries(Map.copyOf(loaded),
                loaded.values().stream().sorted(java.util.Comparator.comparing(CatalogEntry::code)).toList());
    }

    public Optional<CatalogEntry> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(entries.byCode().get(code));
    }

    /** The entry, or a 404 problem. */
    public CatalogEntry require(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("Catalog entry"));
    }

    public List<CatalogEntry> all() {
        return entries.inCodeOrder();
    }

    /** The rules of the public credit evaluation, from the catalog file. */
    public EvaluationRules evaluation() {
        return evaluation;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    public Set<String> scenarioCodes() {
        return scenarios.stream().map(Scenario::code).collect(Collectors.toUnmodifiableSet());
    }

    /** An admin edit: validated, stored as a new revision with history. */
    public Revision update(String code, CatalogEntry entry, String username) {
        if (!code.equals(entry.code())) {
            throw ApiException.invalid("CATALOG_CODE_MISMATCH", "The body's code differs from the path",
                    List.of(new FieldProblem("code", "CATALOG_CODE_MISMATCH", "must equal the code in the path")));
        }
        List<FieldProblem> problems = CatalogValidator.problems(entry, scenarioCodes());
        if (!problems.isEmpty()) {
            throw ApiException.invalid("CATALOG_ENTRY_INVALID", "The catalog entry is invalid", problems);
        }
        tx.executeWithoutResult(s -> {
            if (store(entry, "admin:" + username)) {
                announce(Set.of(code));
            }
        });
        reload();
        return history(code).getLast();
    }

    public List<Revision> history(String code) {
        List<Revision> revisions = jdbc.sql("SELECT code, revision, source, changed_at, definition::text AS definition FROM catalog_history WHERE code = ? ORDER BY revision")
                .param(code)
                .query((rs, n) -> new Revision(rs.getString("code"), rs.getInt("revision"), rs.getString("source"),
                        rs.getTimestamp("changed_at").toInstant(), json.readValue(rs.getString("definition"), CatalogEntry.class)))
                .list();
        if (revisions.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "Catalog entry not found");
        }
        return revisions;
    }
}
