package org.publiccredit.record.monitoring;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plans made for the arrays actually bound, for the rest of the transaction. The statements on {@code watch_subject}
 * take thousands of subject ids as one array ({@code subject_id = ANY(?)}); once the driver's statement is prepared on
 * the server, PostgreSQL may keep a generic plan that assumes ten elements, and with statistics taken while the table was
 * nearly empty (a watch list is filled and emptied in bulk) that plan is a sequential scan comparing every row with every
 * element: seconds per follower step at 10,000 watched subjects (2026-12-07, a run whose p99 went from 1 s to 19 s). A
 * custom plan sees the array: an index look-up per element, or a hashed comparison.
 */
final class CustomPlans {

    private CustomPlans() {
    }

    /** In the caller's transaction (SET LOCAL: the pooled connection keeps its default afterwards). */
    static void forThisTransaction(JdbcClient jdbc) {
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    }
}
