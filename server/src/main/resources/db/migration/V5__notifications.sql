-- Notifications: rules that send events of a tenant to a Discord webhook or a signed HTTPS
-- webhook, and the log of every delivery attempt. Times are epoch milliseconds.
--
-- last_seq is the EVENTS stream sequence of the last event the rule delivered or gave up on: after
-- a restart the tenant's durable consumer hands back every event it had not acked, and a rule
-- skips those it already handled, so each event reaches each rule once.

CREATE TABLE notification_rules (
  id             VARCHAR(32)  PRIMARY KEY,
  account        VARCHAR(63)  NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name           VARCHAR(128) NOT NULL,
  kind           VARCHAR(16)  NOT NULL,
  url            TEXT         NOT NULL,
  secret         VARCHAR(128),
  event_types    TEXT         NOT NULL,
  servers        TEXT         NOT NULL,
  template       TEXT,
  rate_per_minute INTEGER     NOT NULL,
  paused_at      BIGINT,
  paused_reason  VARCHAR(512),
  failing_since  BIGINT,
  last_seq       BIGINT       NOT NULL,
  created_at     BIGINT       NOT NULL,
  updated_at     BIGINT       NOT NULL
);

CREATE INDEX notification_rules_account ON notification_rules (account, created_at, id);

CREATE TABLE notification_deliveries (
  id          ${identity},
  rule_id     VARCHAR(32)  NOT NULL REFERENCES notification_rules (id) ON DELETE CASCADE,
  at          BIGINT       NOT NULL,
  event_id    VARCHAR(128) NOT NULL,
  event_type  VARCHAR(128) NOT NULL,
  attempt     INTEGER      NOT NULL,
  outcome     VARCHAR(16)  NOT NULL,
  http_status INTEGER,
  excerpt     VARCHAR(512) NOT NULL
);

CREATE INDEX notification_deliveries_rule ON notification_deliveries (rule_id, id);
