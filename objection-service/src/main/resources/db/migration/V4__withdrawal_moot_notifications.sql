-- Issue 22: an applicant withdraws an undecided case (WITHDRAWN, outcome WITHDRAWN); a case whose record was revoked,
-- corrected or repaired by another path ends by itself (WITHDRAWN, outcome WITHDRAWN_MOOT), found by following
-- record-service's change feed; e-mail notifications leave through a durable outbox.
ALTER TABLE credit_case DROP CONSTRAINT credit_case_state_check;
ALTER TABLE credit_case ADD CONSTRAINT credit_case_state_check CHECK (state IN ('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED',
    'VERIFYING', 'CONCLUDED', 'REVIEWED', 'APPROVED', 'DENIED', 'WITHDRAWN'));
-- the record's version when the case was filed: a feed change at or below it happened before the case (null: filed earlier)
ALTER TABLE credit_case ADD COLUMN record_version INT;
-- where and how the applicant is told: the token's email claim and the filing's Accept-Language (zh-CN when absent)
ALTER TABLE credit_case ADD COLUMN applicant_email TEXT;
ALTER TABLE credit_case ADD COLUMN applicant_language TEXT;

-- an effect a case no longer needs (its dispute, when the case ended before the dispute reached record-service)
ALTER TABLE record_effect DROP CONSTRAINT record_effect_status_check;
ALTER TABLE record_effect ADD CONSTRAINT record_effect_status_check
    CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'DEAD', 'CANCELLED'));

-- where this service stands in another service's change feed (one row per feed), moved in the transaction that applies
CREATE TABLE feed_cursor (
    feed       TEXT PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
INSERT INTO feed_cursor (feed, last_seq, updated_at) VALUES ('record', 0, now());

-- e-mails to send: written in the transaction of the change they tell about, once per event id, retried with backoff
CREATE TABLE mail_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        TEXT        NOT NULL UNIQUE,
    case_id         UUID        REFERENCES credit_case (id),
    recipient       TEXT        NOT NULL,
    language        TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX mail_outbox_pending ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_case ON mail_outbox (case_id);
