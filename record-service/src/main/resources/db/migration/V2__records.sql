-- The catalog (公共信用信息目录): one row per category, the current definition; every change is kept in catalog_history.
CREATE TABLE catalog_entry (
    code        TEXT PRIMARY KEY,
    revision    INT         NOT NULL,
    definition  JSONB       NOT NULL,
    source      TEXT        NOT NULL,           -- 'file:<version>' or 'admin:<username>'
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE catalog_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        TEXT        NOT NULL,
    revision    INT         NOT NULL,
    definition  JSONB       NOT NULL,
    source      TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (code, revision)
);
-- which versions of the catalog file have been applied (each is applied once, at start)
CREATE TABLE catalog_file_load (
    file_version TEXT PRIMARY KEY,
    loaded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Credit records (信用记录). Natural key: (department, category, document_number).
CREATE TABLE credit_record (
    id              UUID PRIMARY KEY,
    subject_id      UUID        NOT NULL,
    subject_kind    TEXT        NOT NULL,       -- USCC | ID_NUMBER
    subject_code    TEXT        NOT NULL,       -- the USCC, or the masked id number (never the raw number)
    subject_name    TEXT        NOT NULL,
    subject_type    TEXT,
    subject_region  TEXT,
    department      TEXT        NOT NULL,
    category        TEXT        NOT NULL,
    document_number TEXT        NOT NULL,
    decision_date   DATE        NOT NULL,
    fields          JSONB       NOT NULL,
    content_hash    TEXT        NOT NULL,
    state           TEXT        NOT NULL,
    version         INT         NOT NULL,
    state_note      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_on    DATE        NOT NULL,       -- local date (Asia/Shanghai) of the first push
    timely          BOOLEAN     NOT NULL,       -- pushed within 7 working days of the decision date
    CONSTRAINT credit_record_natural_key UNIQUE (department, category, document_number)
);
CREATE INDEX credit_record_subject ON credit_record (subject_id);
CREATE INDEX credit_record_subject_code ON credit_record (subject_code);
CREATE INDEX credit_record_department_created ON credit_record (department, created_at);

-- Every earlier version and every transition of a record (who, what, why).
CREATE TABLE record_history (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id     UUID        NOT NULL,
    version       INT         NOT NULL,       -- the version this entry describes (the one before the change)
    state         TEXT        NOT NULL,
    decision_date DATE        NOT NULL,
    fields        JSONB       NOT NULL,
    action        TEXT        NOT NULL,       -- UPDATED | CORRECTED | DISPUTED | DISPUTE_CLEARED | REVOKED | REPAIRED
    actor         TEXT        NOT NULL,
    operation_id  TEXT,
    case_id       TEXT,
    note          TEXT,
    at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX record_history_record ON record_history (record_id);
-- internal effects are idempotent on their operationId
CREATE UNIQUE INDEX record_history_operation ON record_history (operation_id) WHERE operation_id IS NOT NULL;

-- Pushes and rejected rows per department and month (statistics).
CREATE TABLE ingest_counter (
    department TEXT NOT NULL,
    month      TEXT NOT NULL,               -- yyyy-MM, Asia/Shanghai
    created    BIGINT NOT NULL DEFAULT 0,
    updated    BIGINT NOT NULL DEFAULT 0,
    unchanged  BIGINT NOT NULL DEFAULT 0,
    rejected   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (department, month)
);

-- Credit checks (信用核查): every one recorded.
CREATE TABLE credit_check (
    id          UUID PRIMARY KEY,
    caller_sub  TEXT        NOT NULL,
    caller_name TEXT,
    client_id   TEXT,
    department  TEXT,
    scenario    TEXT        NOT NULL,
    purpose     TEXT        NOT NULL,
    subjects    JSONB       NOT NULL,
    result      JSONB       NOT NULL,
    checked_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX credit_check_caller ON credit_check (caller_sub, checked_at);

-- Sensitive reads (non-public records, natural persons): append-only, no API edits it.
CREATE TABLE read_audit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caller_sub  TEXT        NOT NULL,
    caller_name TEXT,
    subject_id  UUID        NOT NULL,
    what        TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
