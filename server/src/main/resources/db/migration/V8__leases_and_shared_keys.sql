-- Several platform instances on one database (issue 8). V7 is reserved for another change.
--
-- leases: who does a piece of work that must run on one instance at a time (the account-JWT
-- writer, each tenant's read models and notifications). A lease is taken when free or expired
-- (expires_at, epoch milliseconds, the taker's clock) and renewed by compare-and-set on holder and
-- token; token grows at every change of holder, so a transaction that checks it (a fencing token)
-- cannot commit for a holder that lost the lease.
CREATE TABLE leases (
  name       VARCHAR(128) PRIMARY KEY,
  holder     VARCHAR(128) NOT NULL,
  token      BIGINT       NOT NULL,
  expires_at BIGINT       NOT NULL
);

-- vault_keys: the key vault shared by every instance (external broker mode), instead of each
-- instance's keys.json. Same content: public key and AES-GCM sealed seed, bound to the name.
CREATE TABLE vault_keys (
  name        VARCHAR(128) PRIMARY KEY,
  public_key  VARCHAR(56)  NOT NULL,
  sealed_seed TEXT         NOT NULL
);
