package org.publiccredit.record.ingest;

import java.time.YearMonth;
import org.publiccredit.record.publicity.PublicityPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Adds to a department's counters of the month (China time), in the caller's transaction when there is one. */
@Component
class IngestCounters {

    private final JdbcClient jdbc;
    private final PublicityPolicy policy;

    IngestCounters(JdbcClient jdbc, PublicityPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    void add(String department, IngestCounts counts) {
        if (counts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO ingest_counter (department, month, created, updated, unchanged, rejected) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (department, month) DO UPDATE SET created = ingest_counter.created + EXCLUDED.created,
                    updated = ingest_counter.updated + EXCLUDED.updated, unchanged = ingest_counter.unchanged + EXCLUDED.unchanged,
                    rejected = ingest_counter.rejected + EXCLUDED.rejected""")
                .params(department, YearMonth.from(policy.today()).toString(), counts.created(), counts.updated(), counts.unchanged(),
                        counts.rejected())
                .update();
    }
}
