-- Apps an owner allowed to send commands to game servers (issue 5). Off by default: an app reads,
-- and only an owner grants it the right to act on servers.
ALTER TABLE users ADD COLUMN may_send_commands BOOLEAN NOT NULL DEFAULT FALSE;
