-- Room on every page for the rows' next versions. A claim changes no indexed column of monitor_event (lease_until,
-- attempts, last_attempt_at), and the follower's re-grade of a watch changes only last_grade: with free space on the page
-- PostgreSQL writes them as heap-only (HOT) updates, without a new entry in each of the table's indexes (six on
-- monitor_event). Densely filled pages made every claim a full update: during a burst of 1,000+ events/s the sender's
-- claims and outcomes took 5-9 s of every 10 s. New pages follow the setting; existing ones as they are rewritten.
ALTER TABLE monitor_event SET (fillfactor = 50);
ALTER TABLE watch_subject SET (fillfactor = 70);
