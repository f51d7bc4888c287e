-- The sender's order rule ("no earlier event of the same client and subject still pending") looks each candidate up by
-- client and subject. With both partial indexes on state = 'PENDING', PostgreSQL sometimes answered it from
-- monitor_event_due instead (statistics taken while nothing was pending cost both at one row): every candidate then
-- walked all pending events with a lower id, 60,000-70,000 buffers and 100-500 ms per claim during a burst of 1,000+
-- events/s (auto_explain, 2026-12-07). This index's predicate is written so that only the rule's own condition implies
-- it (state is PENDING, DELIVERED or FAILED: the same rows), and monitor_event_due can no longer answer the rule.
-- Built CONCURRENTLY (Flyway runs this script outside a transaction); a stopped attempt leaves an INVALID index: dropped
-- and built again.
DROP INDEX CONCURRENTLY IF EXISTS monitor_event_subject_open;
CREATE INDEX CONCURRENTLY monitor_event_subject_open
    ON monitor_event (client_id, subject_id, id) WHERE state NOT IN ('DELIVERED', 'FAILED');
DROP INDEX CONCURRENTLY IF EXISTS monitor_event_subject;
