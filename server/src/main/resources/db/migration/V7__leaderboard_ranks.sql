-- Leaderboards that answer a rank in constant time at a million players (issue 4).
--
-- rm_board_entries replaces rm_board_scores. rank_score is the score for ascending boards and its
-- negation for descending ones, so that rank order is always (rank_score, reached_seq, player)
-- ascending: one index serves every board, and both databases walk it without sorting.
--
-- rm_board_blocks cuts each board period, in rank order, into consecutive blocks of up to a few
-- thousand players; a block starts at its lo_* key and holds the players ranked from there up to
-- the next block. A rank is then the players of the blocks before the player's own plus those
-- ahead of the player inside it: a few thousand index entries at most, not a count over the whole
-- board. The read models keep the blocks in the same transaction as the scores (BoardStore).
--
-- Players compare byte by byte (${binary}: PostgreSQL's "C" collation; SQLite's default), the way
-- the read models compare them in memory when they keep the blocks.
--
-- Boards may also reset on a cron schedule (rm_boards.cron, with reset = 'cron').

CREATE TABLE rm_board_entries (
  account     VARCHAR(63)      NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  board       VARCHAR(63)      NOT NULL,
  period      VARCHAR(32)      NOT NULL,
  player      VARCHAR(64)      ${binary} NOT NULL,
  score       DOUBLE PRECISION NOT NULL,
  rank_score  DOUBLE PRECISION NOT NULL,
  reached_seq BIGINT           NOT NULL,
  PRIMARY KEY (account, board, period, player)
);
CREATE INDEX rm_board_entries_rank
  ON rm_board_entries (account, board, period, rank_score, reached_seq, player);

INSERT INTO rm_board_entries (account, board, period, player, score, rank_score, reached_seq)
SELECT s.account, s.board, s.period, s.player, s.score,
       CASE WHEN b.sort_order = 'desc' THEN 0.0 - s.score ELSE s.score END, s.reached_seq
FROM rm_board_scores s
JOIN rm_boards b ON b.account = s.account AND b.name = s.board;

DROP TABLE rm_board_scores;

CREATE TABLE rm_board_blocks (
  account    VARCHAR(63)      NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
  board      VARCHAR(63)      NOT NULL,
  period     VARCHAR(32)      NOT NULL,
  lo_score   DOUBLE PRECISION NOT NULL,
  lo_seq     BIGINT           NOT NULL,
  lo_player  VARCHAR(64)      ${binary} NOT NULL,
  players    BIGINT           NOT NULL,
  PRIMARY KEY (account, board, period, lo_score, lo_seq, lo_player)
);

-- The existing scores in blocks of 1,024 (BoardStore splits blocks from 2,048 on).
INSERT INTO rm_board_blocks (account, board, period, lo_score, lo_seq, lo_player, players)
SELECT account, board, period, rank_score, reached_seq, player,
       CASE WHEN total - position + 1 < 1024 THEN total - position + 1 ELSE 1024 END
FROM (
  SELECT account, board, period, rank_score, reached_seq, player,
         ROW_NUMBER() OVER (PARTITION BY account, board, period
                            ORDER BY rank_score, reached_seq, player) AS position,
         COUNT(*) OVER (PARTITION BY account, board, period) AS total
  FROM rm_board_entries
) ranked
WHERE (position - 1) % 1024 = 0;

ALTER TABLE rm_boards ADD COLUMN cron VARCHAR(128);
