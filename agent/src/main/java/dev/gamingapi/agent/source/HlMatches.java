package dev.gamingapi.agent.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.agent.input.MappedLine;
import dev.gamingapi.contract.event.CustomEvent;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.MatchEnded;
import dev.gamingapi.contract.event.MatchStarted;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rounds and matches from {@code World triggered}, {@code Team ... scored} and {@code Game Over}
 * lines.
 *
 * <p>Games that announce matches ({@code World triggered "Match_Start"}, CS) get one {@code
 * match.started}/{@code match.ended} per match, their rounds as {@code custom.round_started} and
 * {@code custom.round_ended}. Games that only announce rounds (TF2, most HL mods) get one match per
 * round. Team scores become {@code custom.team_scored} events; the winner of {@code match.ended} is
 * the team with the best last score (or the round's announced winner). The match id is the map and
 * the local start time, e.g. {@code de_dust2-20261207T100000}, the same on every re-read.
 */
final class HlMatches {
  private static final Pattern WORLD = Pattern.compile("World triggered \"([^\"]*)\"(.*)");
  private static final Pattern WINNER = Pattern.compile(".*\\(winner \"([^\"]*)\"\\).*");
  private static final Pattern TEAM_SCORE =
      Pattern.compile(
          "Team \"([^\"]*)\" (?:final |current )?scored? ?\"(\\d+)\" with \"(\\d+)\" players.*");
  private static final Pattern GAME_OVER = Pattern.compile("Game Over: .*?(?: after (\\d+) min)?");
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private final Map<String, Long> scores = new LinkedHashMap<>();
  private boolean matchBased;
  private String matchId;
  private ZonedDateTime matchStart;
  private int round;

  /** A new map starts: whatever was open ended without a word. */
  void mapChanged() {
    matchBased = false;
    matchId = null;
    scores.clear();
  }

  MappedLine map(ZonedDateTime time, String message, String map) {
    List<EventData> events = new ArrayList<>();
    Matcher m;
    if ((m = WORLD.matcher(message)).matches()) {
      switch (m.group(1)) {
        case "Match_Start" -> {
          close(time, null, null, events); // a warm-up round read as a match, or a restart
          matchBased = true;
          open(time, map, events);
        }
        case "Round_Start" -> {
          if (matchBased && matchId != null) {
            round++;
            events.add(roundEvent("round_started"));
          } else if (matchId == null) {
            open(time, map, events);
          }
        }
        case "Round_End", "Round_Win", "Round_Stalemate" -> {
          if (matchBased && matchId != null) {
            events.add(roundEvent("round_ended"));
          } else {
            Matcher winner = WINNER.matcher(m.group(2));
            close(time, winner.matches() ? winner.group(1) : null, null, events);
          }
        }
        case "Game_Over", "Match_End" -> close(time, null, null, events);
        default -> {
          return new MappedLine.Unmapped();
        }
      }
    } else if ((m = TEAM_SCORE.matcher(message)).matches()) {
      long score = Long.parseLong(m.group(2));
      scores.put(m.group(1), score);
      ObjectNode data =
          JsonNodeFactory.instance
              .objectNode()
              .put("team", m.group(1))
              .put("score", score)
              .put("players", Long.parseLong(m.group(3)));
      if (matchId != null) {
        data.put("match_id", matchId);
      }
      events.add(new CustomEvent("team_scored", null, data));
    } else if ((m = GAME_OVER.matcher(message)).matches()) {
      Long minutes = m.group(1) == null ? null : Long.parseLong(m.group(1)) * 60;
      close(time, null, minutes, events);
    } else {
      return new MappedLine.Unmapped();
    }
    return new MappedLine.Events(time.toInstant(), events, 0);
  }

  private void open(ZonedDateTime time, String map, List<EventData> events) {
    String prefix = map == null ? "match" : map.replaceAll("[^A-Za-z0-9_-]", "_");
    matchId = prefix + "-" + ID_TIME.format(time);
    matchStart = time;
    round = 0;
    scores.clear();
    events.add(new MatchStarted(matchId, null, map));
  }

  private void close(ZonedDateTime time, String winner, Long seconds, List<EventData> events) {
    if (matchId == null) {
      return; // ended twice (Round_Win then Round_End), or began before we were reading
    }
    if (winner == null) {
      winner = bestTeam();
    }
    if (seconds == null && matchStart != null) {
      seconds = Math.max(0, Duration.between(matchStart, time).toSeconds());
    }
    events.add(new MatchEnded(matchId, winner, seconds));
    matchId = null;
    matchBased = false;
  }

  private String bestTeam() {
    String best = null;
    long top = -1;
    boolean tie = false;
    for (Map.Entry<String, Long> entry : scores.entrySet()) {
      if (entry.getValue() > top) {
        best = entry.getKey();
        top = entry.getValue();
        tie = false;
      } else if (entry.getValue() == top) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private CustomEvent roundEvent(String name) {
    return new CustomEvent(
        name,
        null,
        JsonNodeFactory.instance.objectNode().put("match_id", matchId).put("round", round));
  }
}
