-- The registry of credit subjects (信用主体). Organisations are keyed by their USCC; natural persons by the keyed
-- hash (HMAC-SHA256) of their id number, which is otherwise stored only masked and encrypted (AES-GCM). The raw
-- number is in no column and no index.
CREATE TABLE subject (
    id                   UUID        PRIMARY KEY,
    kind                 TEXT        NOT NULL CHECK (kind IN ('USCC', 'ID_NUMBER')),
    code                 TEXT        UNIQUE,
    id_hash              BYTEA       UNIQUE,
    id_masked            TEXT,
    id_encrypted         BYTEA,
    id_legacy            BOOLEAN     NOT NULL DEFAULT FALSE,
    name                 TEXT,
    former_names         JSONB       NOT NULL DEFAULT '[]',
    type                 TEXT        NOT NULL,
    region               TEXT,
    legal_representative TEXT,
    registration_date    DATE,
    registration_status  TEXT,
    industry             TEXT,
    address              TEXT,
    verified             BOOLEAN     NOT NULL DEFAULT FALSE,
    source               TEXT,
    version              BIGINT      NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT subject_identifier CHECK (
        (kind = 'USCC' AND code IS NOT NULL AND id_hash IS NULL AND id_encrypted IS NULL)
        OR (kind = 'ID_NUMBER' AND code IS NULL AND id_hash IS NOT NULL AND id_encrypted IS NOT NULL AND id_masked IS NOT NULL))
);

-- Who read a natural person's id number (reveal) or looked a person up by number, when and why.
-- Append-only: the API has no update or delete, and the trigger refuses both at the database too.
CREATE TABLE pii_access_audit (
    id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    action     TEXT        NOT NULL CHECK (action IN ('REVEAL', 'LOOKUP')),
    actor      TEXT        NOT NULL,
    actor_sub  TEXT,
    client_id  TEXT,
    department TEXT,
    subject_id UUID,
    reason     TEXT        NOT NULL,
    request_id TEXT
);
CREATE INDEX pii_access_audit_subject ON pii_access_audit (subject_id, at);

CREATE FUNCTION pii_access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pii_access_audit is append-only';
END;
$$;
CREATE TRIGGER pii_access_audit_no_change BEFORE UPDATE OR DELETE ON pii_access_audit
    FOR EACH ROW EXECUTE FUNCTION pii_access_audit_append_only();
