-- The control plane: tenants (accounts), their game servers, users and credentials, shares and
-- the audit log. The same SQL runs on SQLite and PostgreSQL; ${identity} is the one difference
-- (an auto-numbered primary key), filled in by Database. Times are epoch milliseconds, except
-- revocations.revoked_at, which is in seconds like the JWT claim it feeds.

CREATE TABLE accounts (
  name          VARCHAR(63)   PRIMARY KEY,
  plan          VARCHAR(63)   NOT NULL,
  description   VARCHAR(1024) NOT NULL,
  public_key    VARCHAR(56)   NOT NULL UNIQUE,
  jwt           TEXT          NOT NULL,
  jwt_issued_at BIGINT        NOT NULL,
  created_at    BIGINT        NOT NULL,
  updated_at    BIGINT        NOT NULL
);

CREATE TABLE servers (
  account    VARCHAR(63)  NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  id         VARCHAR(64)  NOT NULL,
  name       VARCHAR(256) NOT NULL,
  created_at BIGINT       NOT NULL,
  PRIMARY KEY (account, id)
);

CREATE TABLE users (
  account         VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name            VARCHAR(63) NOT NULL,
  kind            VARCHAR(16) NOT NULL,
  server          VARCHAR(64),
  servers         TEXT        NOT NULL,
  event_types     TEXT        NOT NULL,
  nats_public_key VARCHAR(56) NOT NULL,
  token_hash      VARCHAR(64) NOT NULL UNIQUE,
  created_at      BIGINT      NOT NULL,
  expires_at      BIGINT,
  revoked_at      BIGINT,
  PRIMARY KEY (account, name)
);

CREATE TABLE revocations (
  account         VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  nats_public_key VARCHAR(56) NOT NULL,
  revoked_at      BIGINT      NOT NULL,
  PRIMARY KEY (account, nats_public_key)
);

CREATE TABLE shares (
  id         VARCHAR(26) PRIMARY KEY,
  account    VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  grantee    VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  servers    TEXT        NOT NULL,
  created_at BIGINT      NOT NULL
);

-- No foreign key: the audit trail of a deleted account stays.
CREATE TABLE audit (
  id             ${identity},
  at             BIGINT       NOT NULL,
  actor          VARCHAR(80)  NOT NULL,
  action         VARCHAR(40)  NOT NULL,
  account        VARCHAR(63),
  target         VARCHAR(128),
  detail         TEXT         NOT NULL,
  remote_address VARCHAR(64)
);
CREATE INDEX audit_by_account ON audit (account, id);

CREATE TABLE settings (
  name  VARCHAR(63) PRIMARY KEY,
  value TEXT        NOT NULL
);
