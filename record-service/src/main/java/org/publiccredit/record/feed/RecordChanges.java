package org.publiccredit.record.feed;

import org.publiccredit.commons.feed.ChangeLogPages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads the record change feed (docs/contracts.md) with the platform's one feed query, {@link ChangeLogPages}. */
@Repository
class RecordChanges {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RecordChanges(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** At most {@code limit} servable changes after {@code after}. */
    ChangeLogPages.Page after(long after, int limit) {
        return ChangeLogPages.after(jdbc, json, after, limit);
    }
}
