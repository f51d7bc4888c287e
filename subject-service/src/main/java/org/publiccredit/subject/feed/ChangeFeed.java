package org.publiccredit.subject.feed;

import org.publiccredit.commons.feed.ChangeLogPages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the registry's change feed (docs/contracts.md) with the platform's one feed query, {@link ChangeLogPages}: rows
 * of {@code change_log} after a sequence number whose transaction lies below the oldest running one, so a row that
 * commits late with a lower seq is never skipped. The rows are written by the registry in the transaction of each change.
 */
@Repository
class ChangeFeed {

    private final JdbcTemplate jdbc;

    ChangeFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ChangeLogPages.Page page(long after, int limit) {
        return ChangeLogPages.after(jdbc, after, limit);
    }
}
