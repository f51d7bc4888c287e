-- An effect that record-service keeps answering with server errors stops as DEAD after a bounded number of them
-- (platform.effects.max-server-errors) instead of being retried forever; a reviewer retries it.
ALTER TABLE record_effect DROP CONSTRAINT record_effect_status_check;
ALTER TABLE record_effect ADD CONSTRAINT record_effect_status_check CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'DEAD'));
ALTER TABLE record_effect ADD COLUMN server_errors INT NOT NULL DEFAULT 0;
CREATE INDEX record_effect_dead ON record_effect (id) WHERE status = 'DEAD';
