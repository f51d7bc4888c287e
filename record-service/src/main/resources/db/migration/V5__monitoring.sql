-- Monitoring (信用监测预警, DOMAIN.md section 10): partners' watch lists, webhook endpoints and the event outbox.

-- A partner client's monitoring settings: the department its token carried last (for shared views), its webhook.
CREATE TABLE monitor_client (
    client_id           TEXT PRIMARY KEY,
    department          TEXT,
    webhook_url         TEXT,
    secret              TEXT,                   -- the signing secret (base64url of 32 random bytes)
    previous_secret     TEXT,                   -- the secret before the last rotation, valid until previous_until
    previous_until      TIMESTAMPTZ,
    webhook_set_at      TIMESTAMPTZ,
    secret_rotated_at   TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The watch list: one row per (client, subject), at most platform.monitoring.max-watched per client.
CREATE TABLE watch_subject (
    client_id    TEXT        NOT NULL,
    subject_id   UUID        NOT NULL,
    subject_kind TEXT        NOT NULL,          -- USCC | ID_NUMBER
    subject_code TEXT        NOT NULL,          -- the USCC, or the masked id number (never the raw number)
    subject_name TEXT,                          -- the organisation's registered name; null for persons
    last_grade   TEXT,                          -- the grade last told this client (GRADE_CHANGED compares with it)
    added_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, subject_id)
);
CREATE INDEX watch_subject_subject ON watch_subject (subject_id);
CREATE INDEX watch_subject_list ON watch_subject (client_id, subject_code);

-- The follower's position in change_log (one row; replicas take turns with an advisory lock).
CREATE TABLE monitor_position (
    id       INT PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT      NOT NULL,
    moved_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- monitoring starts at the present: what changed before it existed is no event
INSERT INTO monitor_position (id, last_seq) SELECT 1, COALESCE(max(seq), 0) FROM change_log;

-- The outbox: each event once, in the follower's transaction; the sender delivers it (at least once, in order per
-- client and subject) and keeps its outcome here, which is also the delivery log the partner reads.
CREATE TABLE monitor_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- the order of events
    event_id        UUID        NOT NULL UNIQUE,
    client_id       TEXT        NOT NULL,
    subject_id      UUID        NOT NULL,
    subject_code    TEXT        NOT NULL,
    type            TEXT        NOT NULL,       -- NEW_LIST_ENTRY | SERIOUS_PENALTY | REPAIRED | WITHDRAWN | GRADE_CHANGED
    record_id       UUID,
    seq             BIGINT      NOT NULL,       -- the change_log row it comes from
    body            TEXT        NOT NULL,       -- the JSON as sent, the same bytes on every attempt
    occurred_at     TIMESTAMPTZ NOT NULL,       -- when the change was written
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    state           TEXT        NOT NULL DEFAULT 'PENDING',   -- PENDING | DELIVERED | FAILED
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until     TIMESTAMPTZ,
    give_up_at      TIMESTAMPTZ NOT NULL,       -- queued (or replayed) + 24 h: then FAILED
    last_status     INT,                        -- the target's last HTTP status
    last_error      TEXT,                       -- why the last attempt failed (one text for every unreachable target)
    last_attempt_at TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX monitor_event_due ON monitor_event (id) WHERE state = 'PENDING';
CREATE INDEX monitor_event_subject ON monitor_event (client_id, subject_id, id) WHERE state = 'PENDING';
CREATE INDEX monitor_event_client ON monitor_event (client_id, occurred_at);
