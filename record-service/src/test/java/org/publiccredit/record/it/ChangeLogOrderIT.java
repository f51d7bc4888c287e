package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.publiccredit.commons.feed.ChangeLogOrder;
import org.publiccredit.testkit.IntegrationTest;

/**
 * The interleaving that made the feed skip a change, replayed on the real record database: B takes the older
 * transaction id, A inserts its feed row first (the lower seq), then B inserts and commits. Without
 * {@link ChangeLogOrder#LOCK_SQL} B's higher seq became servable ({@code tx_id < pg_snapshot_xmin}) while A's lower one
 * was still uncommitted, and a reader's cursor passed it for good. With the lock B waits until A has finished.
 * Both transactions roll back: the feed keeps nothing of this test.
 */
@IntegrationTest
class ChangeLogOrderIT {

    private static final String INSERT = "INSERT INTO change_log (entity_type, entity_id, change_kind, payload)"
            + " VALUES ('RECORD', 'change-log-order-it', 'UPSERT', NULL)";

    @Test
    void aFeedWriterWaitsUntilTheWriterWithTheLowerSeqHasFinished() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            transactionId(b); // B writes first: the older transaction id
            transactionId(a);
            appendToFeed(a); // A's feed row: the lower seq, uncommitted

            CompletableFuture<Void> bAppends = CompletableFuture.runAsync(() -> appendToFeed(b));
            Thread.sleep(500);
            assertThat(bAppends).as("B must not insert (and commit) a higher seq while A's is open").isNotDone();

            a.rollback();
            bAppends.get(5, TimeUnit.SECONDS);
            b.rollback();
        }
    }

    /**
     * The interleaving that still skipped a change with the lock: B takes an id, C takes a newer one and keeps running, A
     * takes a newer one still, appends and commits (the lower seq), then B appends and commits. A's row is committed but
     * not servable (its id is newer than running C's), B's is; a filter on servability served B's row and the cursor passed
     * A's. The page stops before A's row until it is servable, then serves both in order. In a schema of its own, so
     * that the service's feed keeps nothing of this test.
     */
    @Test
    void aReaderStopsBeforeACommittedRowNotYetServableInsteadOfPassingIt() throws Exception {
        try (Connection setup = connect(); Connection a = connect(); Connection b = connect(); Connection c = connect();
                Connection reader = connect()) {
            setup.setAutoCommit(true);
            reader.setAutoCommit(true);
            execute(setup, "DROP SCHEMA IF EXISTS feed_order_it CASCADE");
            execute(setup, "CREATE SCHEMA feed_order_it");
            execute(setup, "CREATE TABLE feed_order_it.change_log (LIKE public.change_log INCLUDING ALL)");
            try {
                for (Connection x : List.of(a, b, c, reader)) {
                    execute(x, "SET search_path = feed_order_it");
                }
                transactionId(b);
                transactionId(c); // runs on: the oldest transaction id still running is c's
                transactionId(a);
                appendToFeed(a);
                a.commit(); // seq 1, its id newer than c's: committed, not servable
                appendToFeed(b);
                b.commit(); // seq 2, its id older than c's: servable

                // other services' transactions on the same server hold the oldest running id back for a moment: wait them out
                assertThat(eventually(reader, "SELECT seq FROM change_log WHERE seq > 0 AND " + ChangeLogOrder.SERVABLE + " ORDER BY seq",
                        List.of(2L))).as("filtering by servability serves seq 2 before seq 1").containsExactly(2L);
                assertThat(seqs(reader, ChangeLogOrder.page("seq", "TRUE"), 0L, 10)).as("the page stops before seq 1").isEmpty();

                c.rollback();
                assertThat(eventually(reader, ChangeLogOrder.page("seq", "TRUE"), List.of(1L, 2L), 0L, 10)).containsExactly(1L, 2L);
                assertThat(seqs(reader, ChangeLogOrder.page("seq", "entity_type = 'RECORD'"), 1L, 1)).containsExactly(2L);
            } finally {
                execute(setup, "DROP SCHEMA feed_order_it CASCADE");
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The query's seqs once they are the expected ones, or what it gives after 10 s. */
    private static List<Long> eventually(Connection c, String sql, List<Long> expected, Object... params) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Long> got = seqs(c, sql, params);
        while (!got.equals(expected) && System.nanoTime() < end) {
            Thread.sleep(50);
            got = seqs(c, sql, params);
        }
        return got;
    }

    private static List<Long> seqs(Connection c, String sql, Object... params) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Long> out = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    private static Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(System.getProperty("record.db.url", "jdbc:postgresql://127.0.0.1:15432/record"),
                "record", "record");
        c.setAutoCommit(false);
        return c;
    }

    private static void transactionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_current_xact_id()");
        }
    }

    /** What every feed writer does (RecordWriter, subject-service's SubjectStore): the lock, then the insert. */
    private static void appendToFeed(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute(ChangeLogOrder.LOCK_SQL);
            s.execute(INSERT);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
