package org.publiccredit.commons.feed;

/**
 * Keeps a service's change feed ({@code change_log}) gap-free for its readers: a row's {@code seq} must never become
 * visible while a lower {@code seq} is still uncommitted, or a reader moves its cursor past the lower one and never
 * sees it.
 * <p>
 * The feed query serves only rows of transactions older than the oldest running one
 * ({@code tx_id < pg_snapshot_xmin}), but that alone is not enough: transaction ids are taken at a transaction's first
 * write, sequence numbers at its feed insert, and the two orders can differ (B writes first and gets the lower id, A
 * then inserts its feed rows first and gets the lower seq, B inserts and commits: B's higher seq is servable while
 * A's lower one is not yet committed). Every feed writer therefore takes this lock just before inserting its rows,
 * and holds it to commit: seq order is then commit order. The lock conflicts only with itself and with other writes to
 * {@code change_log}, not with readers; writers keep the feed insert at the end of their transaction so the lock is
 * held briefly.
 */
public final class ChangeLogOrder {

    /**
     * Whether a row is of a transaction older than the oldest running one. Not a filter on its own: transaction ids and
     * seqs are taken in different orders, so a committed row can be unservable (its id is newer than a transaction still
     * running elsewhere) while a row with a higher seq but an older id is servable. Filtering by it served that higher
     * row, the reader's cursor passed the lower one, and it was never read (seen: 100 black-list entries of one batch
     * without webhook events, 2026-12-07). Readers keep the servable prefix instead ({@link #page}).
     */
    public static final String SERVABLE = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";

    /**
     * The readers' half: the query of up to {@code ?} rows after a seq ({@code ?}), in seq order, that stops before the
     * first row not yet {@link #SERVABLE servable}, so a cursor never passes a row it has not read. With {@link #LOCK_SQL}
     * on the writers' side (seq order = commit order) that never skips a row.
     *
     * @param columns the columns to read, of {@code change_log}
     * @param condition more conditions on the rows (e.g. {@code entity_type = 'RECORD'}), or "TRUE"
     * @return the statement; parameters: the seq to read after, the most rows
     */
    public static String page(String columns, String condition) {
        return "SELECT " + columns + " FROM (SELECT *, bool_and(" + SERVABLE + ") OVER (ORDER BY seq) AS servable_prefix"
                + " FROM change_log WHERE seq > ? AND (" + condition + ") ORDER BY seq LIMIT ?) page WHERE servable_prefix ORDER BY seq";
    }

    /** Run in the writing transaction right before its {@code INSERT INTO change_log}. */
    public static final String LOCK_SQL = "LOCK TABLE change_log IN SHARE ROW EXCLUSIVE MODE";

    private ChangeLogOrder() {
    }
}
