-- Issue 26: the change feed table of V1 was never written or served (nothing consumes case changes); dropped with its index.
DROP INDEX change_log_entity;
DROP TABLE change_log;
