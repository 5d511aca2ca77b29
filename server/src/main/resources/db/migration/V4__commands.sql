-- Commands sent to game servers and what became of them (issue 5). Times are epoch milliseconds.
-- The row is the record of a send: the same idempotency key for the same server finds it again,
-- also after the COMMANDS stream's de-duplication window.
CREATE TABLE commands (
  account VARCHAR(63) NOT NULL,
  id VARCHAR(64) NOT NULL,
  server VARCHAR(64) NOT NULL,
  name VARCHAR(64) NOT NULL,
  args TEXT NOT NULL,
  idempotency_key VARCHAR(128),
  status VARCHAR(16) NOT NULL,
  output TEXT,
  error TEXT,
  attempts INTEGER,
  stream_seq BIGINT,
  not_before BIGINT,
  expires_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (account, id)
);
-- NULL keys are distinct on both SQLite and PostgreSQL: commands without a key never collide.
CREATE UNIQUE INDEX commands_idempotency ON commands (account, server, idempotency_key);
CREATE INDEX commands_history ON commands (account, server, id);

-- Command names an owner registered for one server, with the JSON Schema of their arguments.
-- A name that is neither built in nor registered here is refused.
CREATE TABLE command_types (
  account VARCHAR(63) NOT NULL,
  server VARCHAR(64) NOT NULL,
  name VARCHAR(64) NOT NULL,
  args_schema TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (account, server, name)
);
