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
     * The readers' half, the one condition every feed query puts on {@code change_log}: only rows of transactions older
     * than the oldest running one. With {@link #LOCK_SQL} on the writers' side a reader that asks after its last seq
     * never skips a row.
     */
    public static final String SERVABLE = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";

    /** Run in the writing transaction right before its {@code INSERT INTO change_log}. */
    public static final String LOCK_SQL = "LOCK TABLE change_log IN SHARE ROW EXCLUSIVE MODE";

    private ChangeLogOrder() {
    }
}
