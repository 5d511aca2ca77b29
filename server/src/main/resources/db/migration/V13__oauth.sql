-- OAuth 2.0 (docs/oauth.md): the platform is an authorization server for its tenants. Third-party
-- apps (clients) are registered by the operator; a tenant's owner grants one of them a scope of
-- the account (servers, event types, commands) for a while. Secrets, codes and refresh tokens are
-- stored as SHA-256 hashes only (256-bit random values: a slow hash would add nothing). Lists are
-- JSON arrays, times epoch milliseconds, like the rest of the control plane.

CREATE TABLE oauth_clients (
  id            VARCHAR(40)   PRIMARY KEY,
  name          VARCHAR(256)  NOT NULL,
  homepage      VARCHAR(2048) NOT NULL,
  redirect_uris TEXT          NOT NULL,
  scopes        TEXT          NOT NULL,
  confidential  BOOLEAN       NOT NULL,
  secret_hash   VARCHAR(64),
  created_at    BIGINT        NOT NULL
);

-- A grant outlives its client's row (the owner still sees what was given, and when it ended);
-- deleting a client revokes its grants first.
CREATE TABLE oauth_grants (
  id                VARCHAR(40)  PRIMARY KEY,
  account           VARCHAR(63)  NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  client_id         VARCHAR(40)  NOT NULL,
  client_name       VARCHAR(256) NOT NULL,
  owner             VARCHAR(63)  NOT NULL,
  servers           TEXT         NOT NULL,
  event_types       TEXT         NOT NULL,
  may_send_commands BOOLEAN      NOT NULL,
  created_at        BIGINT       NOT NULL,
  expires_at        BIGINT       NOT NULL,
  last_used_at      BIGINT,
  revoked_at        BIGINT
);
CREATE INDEX oauth_grants_by_account ON oauth_grants (account, created_at);
CREATE INDEX oauth_grants_by_client ON oauth_grants (client_id);

-- An authorization code: single use (grant_id is set when it is redeemed, so that a replay can
-- revoke what the first use gave), bound to its client, redirect URI and PKCE challenge.
CREATE TABLE oauth_codes (
  code_hash         VARCHAR(64)   PRIMARY KEY,
  client_id         VARCHAR(40)   NOT NULL,
  redirect_uri      VARCHAR(2048) NOT NULL,
  code_challenge    VARCHAR(128)  NOT NULL,
  account           VARCHAR(63)   NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  owner             VARCHAR(63)   NOT NULL,
  servers           TEXT          NOT NULL,
  event_types       TEXT          NOT NULL,
  may_send_commands BOOLEAN       NOT NULL,
  grant_millis      BIGINT        NOT NULL,
  expires_at        BIGINT        NOT NULL,
  grant_id          VARCHAR(40)
);

-- Refresh tokens rotate: each use marks the token used and issues the next one of the grant; a
-- used token presented again revokes the whole grant.
CREATE TABLE oauth_refresh_tokens (
  token_hash VARCHAR(64) PRIMARY KEY,
  grant_id   VARCHAR(40) NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
  created_at BIGINT      NOT NULL,
  used_at    BIGINT
);

-- The NATS user keys an app had credentials issued for: revoking the grant revokes them in the
-- account JWT, which drops the app's connections.
CREATE TABLE oauth_nats_keys (
  grant_id        VARCHAR(40) NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
  nats_public_key VARCHAR(56) NOT NULL,
  issued_at       BIGINT      NOT NULL,
  PRIMARY KEY (grant_id, nats_public_key)
);

-- An owner signed in on the consent page, until they decide: the session cookie's hash and the
-- page's CSRF token.
CREATE TABLE oauth_consents (
  session_hash VARCHAR(64) PRIMARY KEY,
  csrf         VARCHAR(64) NOT NULL,
  account      VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  owner        VARCHAR(63) NOT NULL,
  expires_at   BIGINT      NOT NULL
);

-- Access-token signing keys (ES256). The private key is AES-GCM sealed under the master key like
-- the NATS seeds; a retired key still verifies (and stays in the JWKS) until its last token expires.
CREATE TABLE oauth_signing_keys (
  kid            VARCHAR(64) PRIMARY KEY,
  public_jwk     TEXT        NOT NULL,
  sealed_private TEXT        NOT NULL,
  created_at     BIGINT      NOT NULL,
  retired_at     BIGINT
);
