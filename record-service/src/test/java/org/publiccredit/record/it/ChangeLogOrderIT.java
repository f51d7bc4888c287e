package org.publiccredit.record.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
