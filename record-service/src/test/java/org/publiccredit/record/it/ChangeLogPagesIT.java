package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.feed.ChangeLogPages;
import org.publiccredit.testkit.IntegrationTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed page as its readers parse it, written as text by {@link ChangeLogPages} from the real record database: the
 * envelope, the payload's fields beside it whatever they hold (quotes, backslashes, Chinese, nested objects), and rows
 * without a payload or with an empty one. In a schema of its own, dropped afterwards.
 */
@IntegrationTest
class ChangeLogPagesIT {

    @Test
    void eachChangeIsItsEnvelopeAndItsPayloadsFields() throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("record.db.url", "jdbc:postgresql://127.0.0.1:15432/record"),
                "record", "record")) {
            execute(c, "DROP SCHEMA IF EXISTS feed_pages_it CASCADE");
            execute(c, "CREATE SCHEMA feed_pages_it");
            try {
                execute(c, "CREATE TABLE feed_pages_it.change_log (LIKE public.change_log INCLUDING ALL)");
                execute(c, "SET search_path = feed_pages_it");
                execute(c, """
                        INSERT INTO change_log (entity_type, entity_id, change_kind, payload) VALUES
                          ('RECORD', 'r-1', 'UPSERT', '{"subjectId":"s-1","category":"ADM_PENALTY","state":"ACTIVE","version":1,"publicNow":true}'),
                          ('SUBJECT', 's-"2"', 'UPSERT', '{"subject":{"name":"柳州\\"某\\"公司\\\\分店","formerNames":[{"name":"旧名"}]}}'),
                          ('RECORD', 'r-3', 'WITHDRAWN', NULL),
                          ('RECORD', 'r-4', 'RULE_CHANGED', '{}')""");
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));

                ChangeLogPages.Page page = ChangeLogPages.after(jdbc, 0, 3);
                JsonMapper json = JsonMapper.builder().build();
                JsonNode read = json.readTree(json.writeValueAsString(page));

                assertThat(read.path("hasMore").asBoolean()).isTrue();
                assertThat(read.path("lastSeq").asLong()).isEqualTo(3);
                assertThat(read.path("headSeq").asLong()).isEqualTo(4);
                JsonNode record = read.path("changes").get(0);
                assertThat(record.path("seq").asLong()).isEqualTo(1);
                assertThat(record.path("entityType").asString()).isEqualTo("RECORD");
                assertThat(record.path("entityId").asString()).isEqualTo("r-1");
                assertThat(record.path("kind").asString()).isEqualTo("UPSERT");
                assertThat(record.path("at").asString()).endsWith("Z");
                assertThat(record.path("subjectId").asString()).isEqualTo("s-1");
                assertThat(record.path("version").asInt()).isEqualTo(1);
                assertThat(record.path("publicNow").asBoolean()).isTrue();

                JsonNode subject = read.path("changes").get(1);
                assertThat(subject.path("entityId").asString()).isEqualTo("s-\"2\"");
                assertThat(subject.path("subject").path("name").asString()).isEqualTo("柳州\"某\"公司\\分店");
                assertThat(subject.path("subject").path("formerNames").get(0).path("name").asString()).isEqualTo("旧名");

                JsonNode withoutPayload = read.path("changes").get(2);
                assertThat(withoutPayload.path("kind").asString()).isEqualTo("WITHDRAWN");
                assertThat(withoutPayload.has("subjectId")).isFalse();

                JsonNode last = json.readTree(json.writeValueAsString(ChangeLogPages.after(jdbc, 3, 10)));
                assertThat(last.path("changes")).hasSize(1);
                assertThat(last.path("changes").get(0).path("kind").asString()).isEqualTo("RULE_CHANGED");
                assertThat(last.path("hasMore").asBoolean()).isFalse();
            } finally {
                execute(c, "DROP SCHEMA feed_pages_it CASCADE");
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
