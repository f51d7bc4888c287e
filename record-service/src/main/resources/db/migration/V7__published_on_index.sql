-- The monthly statistics (DepartmentStats: records published in a month per department, and how many of them on time)
-- read a range of published_on. Without an index that was a scan of the whole credit_record table, growing with
-- every month ever published (2 s at 3.4 M records, past the gateway's 3 s soon after); with this one it is an
-- index-only range scan of the month. Built CONCURRENTLY (Flyway runs this script outside a transaction), so pushes are
-- not blocked while it builds on a large table.
-- An attempt that was stopped half-way leaves an INVALID index of this name: drop it and build it again.
DROP INDEX CONCURRENTLY IF EXISTS credit_record_published_on;
CREATE INDEX CONCURRENTLY credit_record_published_on
    ON credit_record (published_on) INCLUDE (category, department, timely);
