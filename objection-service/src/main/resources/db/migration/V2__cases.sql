-- Objections (异议) and repair applications (信用修复): one case per record, state machines with a version column.
CREATE TABLE credit_case (
    id                     UUID PRIMARY KEY,
    kind                   TEXT        NOT NULL CHECK (kind IN ('OBJECTION', 'REPAIR')),
    state                  TEXT        NOT NULL CHECK (state IN ('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'VERIFYING',
                                                                 'CONCLUDED', 'REVIEWED', 'APPROVED', 'DENIED')),
    version                INT         NOT NULL DEFAULT 0,
    -- what the case keeps of its record (ownership and routing without asking record-service again)
    record_id              TEXT        NOT NULL,
    record_subject_id      TEXT,
    record_subject_code    TEXT,
    record_subject_kind    TEXT,
    record_region          TEXT        NOT NULL,
    record_department      TEXT        NOT NULL,
    record_category        TEXT,
    record_document_number TEXT,
    record_decision_date   DATE,
    -- the applicant: owner_key is uscc:<code> for an enterprise, user:<sub> for a citizen
    owner_key              TEXT        NOT NULL,
    applicant_id           TEXT        NOT NULL,
    applicant_username     TEXT,
    reason                 TEXT        NOT NULL,
    obligations_statement  TEXT,
    idempotency_key        TEXT        NOT NULL,
    request_hash           TEXT        NOT NULL,
    submitted_at           TIMESTAMPTZ NOT NULL,
    accepted_at            TIMESTAMPTZ,
    assigned_at            TIMESTAMPTZ,
    proposal_outcome       TEXT,
    proposal_reason        TEXT,
    proposal_fields        JSONB,
    proposed_at            TIMESTAMPTZ,
    proposed_by            TEXT,
    decision_outcome       TEXT,
    decision_reason        TEXT,
    decided_at             TIMESTAMPTZ,
    decided_by             TEXT,
    -- the next deadline (Asia/Shanghai date); deadline_problem says why it is unknown
    deadline_kind          TEXT,
    deadline_due           DATE,
    deadline_problem       TEXT,
    updated_at             TIMESTAMPTZ NOT NULL,
    CONSTRAINT credit_case_idempotency UNIQUE (applicant_id, idempotency_key)
);
-- at most one open case per record (also what makes a concurrent second filing fail)
CREATE UNIQUE INDEX credit_case_one_open_per_record ON credit_case (record_id)
    WHERE state IN ('SUBMITTED', 'ACCEPTED', 'VERIFYING', 'REVIEWED');
CREATE INDEX credit_case_owner ON credit_case (owner_key, submitted_at DESC);
CREATE INDEX credit_case_region ON credit_case (record_region text_pattern_ops, state);
CREATE INDEX credit_case_department ON credit_case (record_department, state);

-- every transition: who, when, from, to, note
CREATE TABLE case_history (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id        UUID        NOT NULL REFERENCES credit_case (id),
    at             TIMESTAMPTZ NOT NULL,
    action         TEXT        NOT NULL,
    from_state     TEXT,
    to_state       TEXT        NOT NULL,
    actor_role     TEXT        NOT NULL,
    actor_id       TEXT        NOT NULL,
    actor_username TEXT,
    note           TEXT
);
CREATE INDEX case_history_case ON case_history (case_id, id);

-- evidence and proof files, stored with the case in the same transaction; type recognised by content
CREATE TABLE case_attachment (
    id            UUID PRIMARY KEY,
    case_id       UUID        NOT NULL REFERENCES credit_case (id),
    purpose       TEXT        NOT NULL CHECK (purpose IN ('EVIDENCE', 'PROOF', 'AUTHORISATION')),
    file_name     TEXT        NOT NULL,
    media_type    TEXT        NOT NULL,
    size_bytes    INT         NOT NULL,
    sha256        TEXT        NOT NULL,
    content       BYTEA       NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL,
    uploaded_by   TEXT        NOT NULL
);
CREATE INDEX case_attachment_case ON case_attachment (case_id);

-- the signed texts of a repair: which template version, the text as filled in, when, by whom
CREATE TABLE template_acceptance (
    case_id      UUID        NOT NULL REFERENCES credit_case (id),
    template_id  TEXT        NOT NULL,
    version      TEXT        NOT NULL,
    text         TEXT        NOT NULL,
    text_sha256  TEXT        NOT NULL,
    accepted_at  TIMESTAMPTZ NOT NULL,
    accepted_by  TEXT        NOT NULL,
    PRIMARY KEY (case_id, template_id)
);

-- the outbox of effects on records: written in the transition's transaction, retried until record-service confirms
CREATE TABLE record_effect (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operation_id    TEXT        NOT NULL UNIQUE,
    case_id         UUID        NOT NULL REFERENCES credit_case (id),
    record_id       TEXT        NOT NULL,
    effect          TEXT        NOT NULL,
    payload         JSONB       NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    done_at         TIMESTAMPTZ
);
CREATE INDEX record_effect_pending ON record_effect (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX record_effect_case ON record_effect (case_id);
