-- Who looked at whom (查询记录, package audit): the subjects of each credit check, and who read a file.
--
-- A side table rather than a GIN index on credit_check.subjects: that array holds the codes as answered, and a natural
-- person's id number is answered masked (450203********1234), which many people share; the side table keys a check to
-- the subject itself ('U:<uscc>' for organisations, 'P:<subject id>' for natural persons, as CheckService keys them),
-- so a citizen's access log finds exactly his checks. A B-tree on (subject_key, checked_at) serves "newest first, a
-- page at a time" with an index scan; a GIN index could only answer containment and would still sort every match.
CREATE TABLE credit_check_subject (
    check_id    UUID        NOT NULL REFERENCES credit_check (id),
    subject_key TEXT        NOT NULL,
    checked_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject_key, checked_at, check_id)
);
CREATE INDEX credit_check_subject_check ON credit_check_subject (check_id);

-- checks made before this table existed: their organisations (persons were stored masked and cannot be told apart)
INSERT INTO credit_check_subject (check_id, subject_key, checked_at)
SELECT DISTINCT c.id, 'U:' || s.code, c.checked_at
FROM credit_check c, jsonb_array_elements_text(c.subjects) AS s(code)
WHERE s.code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$' AND length(s.code) = 18;

-- the admin's audit filters: by time, by client, by department (newest first)
CREATE INDEX credit_check_checked_at ON credit_check (checked_at);
CREATE INDEX credit_check_client ON credit_check (client_id, checked_at);
CREATE INDEX credit_check_department ON credit_check (department, checked_at);

-- a read's client and department (who, as the subject sees it: never the officer's own name), and the subject's reads
ALTER TABLE read_audit ADD COLUMN client_id TEXT;
ALTER TABLE read_audit ADD COLUMN department TEXT;
CREATE INDEX read_audit_subject ON read_audit (subject_id, at);
CREATE INDEX read_audit_at ON read_audit (at);
