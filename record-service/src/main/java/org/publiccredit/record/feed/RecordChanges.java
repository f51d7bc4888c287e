package org.publiccredit.record.feed;

import org.publiccredit.commons.feed.ChangeLogPages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the record change feed (docs/contracts.md) with the platform's one feed query, {@link ChangeLogPages}. */
@Repository
class RecordChanges {

    private final JdbcTemplate jdbc;

    RecordChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} servable changes after {@code after}. */
    ChangeLogPages.Page after(long after, int limit) {
        return ChangeLogPages.after(jdbc, after, limit);
    }
}
