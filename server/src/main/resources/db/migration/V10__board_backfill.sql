-- A board defined (or redefined) while its tenant has events is backfilled from the tenant's log
-- by the tenant's consumer before it applies new events; until then the flag is 1.
ALTER TABLE rm_boards ADD COLUMN backfill_pending INTEGER NOT NULL DEFAULT 0;
