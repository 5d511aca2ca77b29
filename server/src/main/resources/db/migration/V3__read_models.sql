-- The read models (docs/history.md): built from each tenant's EVENTS stream by one durable
-- consumer per tenant. Every batch of events is applied in one transaction together with
-- rm_positions, so the models and the position never disagree. Times are epoch milliseconds of
-- the events' own ce-time. Rows go with their tenant (ON DELETE CASCADE).

CREATE TABLE rm_positions (
  account    VARCHAR(63) PRIMARY KEY REFERENCES accounts (name) ON DELETE CASCADE,
  stream_seq BIGINT      NOT NULL,
  applied    BIGINT      NOT NULL,
  updated_at BIGINT      NOT NULL
);

-- Ids of applied events: an event repeated in the log (a publish retried after the stream's
-- de-duplication window) is counted once.
CREATE TABLE rm_applied_ids (
  account    VARCHAR(63)  NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  event_id   VARCHAR(128) NOT NULL,
  stream_seq BIGINT       NOT NULL,
  PRIMARY KEY (account, event_id)
);

-- Events that cannot be applied, with the reason and the raw message (body in base64, so that
-- the same SQL runs on both databases).
CREATE TABLE rm_dead_letters (
  id         ${identity},
  account    VARCHAR(63)   NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  stream_seq BIGINT        NOT NULL,
  subject    VARCHAR(512)  NOT NULL,
  reason     VARCHAR(2048) NOT NULL,
  headers    TEXT          NOT NULL,
  body       TEXT          NOT NULL,
  at         BIGINT        NOT NULL
);
CREATE INDEX rm_dead_letters_account ON rm_dead_letters (account, id);

CREATE TABLE rm_servers (
  account         VARCHAR(63)  NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  server          VARCHAR(64)  NOT NULL,
  state           VARCHAR(16)  NOT NULL,
  game            TEXT,
  map             TEXT,
  version         TEXT,
  max_players     INTEGER,
  started_at      BIGINT,
  stopped_at      BIGINT,
  last_event_at   BIGINT       NOT NULL,
  last_event_type VARCHAR(128) NOT NULL,
  PRIMARY KEY (account, server)
);

-- Open sessions: who is on which server since when.
CREATE TABLE rm_sessions (
  account VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  server  VARCHAR(64) NOT NULL,
  player  VARCHAR(64) NOT NULL,
  since   BIGINT      NOT NULL,
  PRIMARY KEY (account, server, player)
);

CREATE TABLE rm_players (
  account    VARCHAR(63)  NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  player     VARCHAR(64)  NOT NULL,
  name       TEXT,
  first_seen BIGINT       NOT NULL,
  last_seen  BIGINT       NOT NULL,
  sessions   BIGINT       NOT NULL,
  play_ms    BIGINT       NOT NULL,
  kills      BIGINT       NOT NULL,
  deaths     BIGINT       NOT NULL,
  chats      BIGINT       NOT NULL,
  PRIMARY KEY (account, player)
);
CREATE INDEX rm_players_name ON rm_players (account, name);

CREATE TABLE rm_player_stats (
  account VARCHAR(63)      NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  player  VARCHAR(64)      NOT NULL,
  stat    VARCHAR(64)      NOT NULL,
  value   DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (account, player, stat)
);

CREATE TABLE rm_player_names (
  account    VARCHAR(63)  NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  player     VARCHAR(64)  NOT NULL,
  name       TEXT         NOT NULL,
  first_seen BIGINT       NOT NULL,
  last_seen  BIGINT       NOT NULL,
  PRIMARY KEY (account, player, name)
);
CREATE INDEX rm_player_names_name ON rm_player_names (account, name);

CREATE TABLE rm_player_servers (
  account    VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  player     VARCHAR(64) NOT NULL,
  server     VARCHAR(64) NOT NULL,
  first_seen BIGINT      NOT NULL,
  last_seen  BIGINT      NOT NULL,
  PRIMARY KEY (account, player, server)
);

-- Leaderboards: definitions, and each player's score per board and period. reached_seq is the
-- stream sequence of the event that last changed the score: at equal scores, the player who
-- reached it first ranks higher.
CREATE TABLE rm_boards (
  account    VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  name       VARCHAR(63) NOT NULL,
  stat       VARCHAR(80) NOT NULL,
  operator   VARCHAR(8)  NOT NULL,
  sort_order VARCHAR(4)  NOT NULL,
  server     VARCHAR(64),
  reset      VARCHAR(16) NOT NULL,
  time_zone  VARCHAR(64) NOT NULL,
  created_at BIGINT      NOT NULL,
  PRIMARY KEY (account, name)
);

CREATE TABLE rm_board_scores (
  account     VARCHAR(63)      NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  board       VARCHAR(63)      NOT NULL,
  period      VARCHAR(16)      NOT NULL,
  player      VARCHAR(64)      NOT NULL,
  score       DOUBLE PRECISION NOT NULL,
  reached_seq BIGINT           NOT NULL,
  PRIMARY KEY (account, board, period, player)
);
CREATE INDEX rm_board_scores_rank ON rm_board_scores (account, board, period, score, reached_seq);
