-- Issued credit reports (信用报告): what was issued, for whom, by whose request, and the SHA-256 of the signed PDF.
-- The PDF itself is not kept (a full edition holds non-public records); verification compares hashes.

CREATE TABLE signing_certificate (
    fingerprint  text PRIMARY KEY,                -- SHA-256 of the DER certificate, hex
    subject_dn   text NOT NULL,
    certificate  bytea NOT NULL,                  -- DER
    not_before   timestamptz NOT NULL,
    not_after    timestamptz NOT NULL,
    first_used   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE report (
    number              text PRIMARY KEY,
    subject_id          uuid NOT NULL,
    subject_kind        text NOT NULL,            -- USCC or ID_NUMBER
    subject_code        text NOT NULL,            -- the USCC, or the masked id number: never a raw id number
    subject_name        text,
    edition             text NOT NULL CHECK (edition IN ('PUBLIC', 'FULL')),
    sha256              text NOT NULL UNIQUE,     -- of the signed PDF as delivered, hex
    size_bytes          integer NOT NULL,
    pages               integer NOT NULL,
    record_count        integer NOT NULL,
    non_public_count    integer NOT NULL,
    record_feed_seq     bigint,                   -- data cut-off: record-service change feed head when generation began
    subject_feed_seq    bigint,                   -- ... and subject-service's
    issued_at           timestamptz NOT NULL,
    requested_by        text,                     -- the token's sub; null when anonymous
    requested_by_name   text,
    requested_roles     text NOT NULL,            -- e.g. 'enterprise', 'reviewer', 'anonymous'
    requested_as        text NOT NULL,            -- SUBJECT, REVIEWER, DEPARTMENT:<code>, PUBLIC
    certificate         text NOT NULL REFERENCES signing_certificate (fingerprint),
    state               text NOT NULL DEFAULT 'ISSUED' CHECK (state IN ('ISSUED', 'REVOKED')),
    revoked_at          timestamptz,
    revoked_by          text,
    revoke_reason       text,
    version             integer NOT NULL DEFAULT 0
);

CREATE INDEX report_subject ON report (subject_id, issued_at DESC);
