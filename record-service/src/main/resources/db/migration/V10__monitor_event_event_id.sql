-- Event ids are random (122 bits) and never looked up: the delivery log lists a client's events by time. Their unique
-- index was one more random-page write for every queued event and every outcome (which moves the row), in the table the
-- webhook path writes three times per event.
ALTER TABLE monitor_event DROP CONSTRAINT monitor_event_event_id_key;
