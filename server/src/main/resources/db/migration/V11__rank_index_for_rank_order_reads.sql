-- The rank index serves reads in rank order only. As a partial index (every row matches its
-- predicate: reached_seq is a stream sequence, 1 or more) a query may take it only when it says
-- so, and every read in rank order does (RankKey.RANKED). A lookup of a player by the primary key's
-- four columns then cannot take it: PostgreSQL did, on a table without statistics yet (a new
-- installation in its first minute, before autovacuum's first ANALYZE), because the index holds
-- the same four columns and both looked equally cheap; it then walked the whole board period once
-- per player looked up (0.9 ms each at 5,000 players, seen with auto_explain), and kept that plan
-- in its statement cache until the next ANALYZE. (Not "rank_score IS NOT NULL": SQLite drops that
-- term from a query on a NOT NULL column, and then never takes the index.)
DROP INDEX rm_board_entries_rank;
CREATE INDEX rm_board_entries_rank
  ON rm_board_entries (account, board, period, rank_score, reached_seq, player)
  WHERE reached_seq > 0;
