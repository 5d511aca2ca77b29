-- A revocation may be temporary: a user over its tenant's connection quota is suspended (its
-- connections dropped) until lifted_at (epoch milliseconds); null means revoked for good.
ALTER TABLE revocations ADD COLUMN lifted_at BIGINT;
