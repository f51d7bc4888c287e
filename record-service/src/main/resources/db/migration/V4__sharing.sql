-- Sharing (共享, DOMAIN.md section 10): grants for conditional categories, every shared read and every exchange pull.

-- A department's grant for one 有条件共享 category: applied for with its legal basis, approved by an admin until an end date.
CREATE TABLE sharing_grant (
    id          UUID PRIMARY KEY,
    department  TEXT        NOT NULL,
    category    TEXT        NOT NULL,
    basis       TEXT        NOT NULL,       -- the legal basis stated by the department
    purpose     TEXT        NOT NULL,
    state       TEXT        NOT NULL,       -- PENDING | APPROVED | REFUSED
    valid_until DATE,                       -- last day (Asia/Shanghai, inclusive) of an approved grant
    reason      TEXT,                       -- why refused
    applied_by  TEXT        NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_by  TEXT,
    decided_at  TIMESTAMPTZ
);
CREATE INDEX sharing_grant_department ON sharing_grant (department, category, state);

-- Every step of a grant (who, when): append-only.
CREATE TABLE sharing_grant_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grant_id    UUID        NOT NULL REFERENCES sharing_grant (id),
    action      TEXT        NOT NULL,       -- APPLIED | APPROVED | REFUSED
    actor_sub   TEXT        NOT NULL,
    actor_name  TEXT,
    client_id   TEXT,
    valid_until DATE,
    note        TEXT,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sharing_grant_history_grant ON sharing_grant_history (grant_id);

-- Every shared read: who, through which client, for which department, of whom, why, and which categories were served.
CREATE TABLE shared_read (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caller_sub   TEXT        NOT NULL,
    caller_name  TEXT,
    client_id    TEXT,
    department   TEXT        NOT NULL,
    subject_id   UUID,                      -- null when the platform holds nothing of the subject
    subject_code TEXT        NOT NULL,      -- the USCC, or the masked id number (never the raw number)
    purpose      TEXT        NOT NULL,
    basis        TEXT,
    categories   TEXT[]      NOT NULL,
    records      INT         NOT NULL,
    at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX shared_read_subject ON shared_read (subject_id, at);
CREATE INDEX shared_read_department ON shared_read (department, at);

-- Every pull of the exchange feed.
CREATE TABLE exchange_pull (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id  TEXT        NOT NULL,       -- the partner client, or user:<username> for an admin
    caller_sub TEXT        NOT NULL,
    department TEXT,
    after_seq  BIGINT      NOT NULL,
    last_seq   BIGINT      NOT NULL,
    head_seq   BIGINT      NOT NULL,
    count      INT         NOT NULL,
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX exchange_pull_client ON exchange_pull (client_id, at);

-- Which records the exchange feed has delivered to which client: a record it had received and may no longer see is
-- withdrawn (WITHDRAWN), one it never received is not mentioned. Rows are never deleted, so a repeated pull answers alike.
CREATE TABLE exchange_delivered (
    client_id TEXT NOT NULL,
    record_id UUID NOT NULL,
    PRIMARY KEY (client_id, record_id)
);
