-- The change feed (ARCHITECTURE.md section 2): written in the same transaction as the change it describes.
CREATE TABLE change_log (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    change_kind TEXT        NOT NULL,
    payload     JSONB,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the writing transaction: the feed serves only rows below the oldest running transaction
    -- (pg_snapshot_xmin), so a reader never skips a lower seq that commits after a higher one
    tx_id       XID8        NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX change_log_entity ON change_log (entity_type, entity_id);
