package dev.gamingapi.agent.source;

import static dev.gamingapi.agent.source.HlFixtures.ALICE;
import static dev.gamingapi.agent.source.HlFixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.agent.input.MappedLine;
import org.junit.jupiter.api.Test;

class HlLogMapperTest {

  @Test
  void aCs2MatchLogBecomesTheEventsItDescribes() throws Exception {
    HlFixtures.Result result = HlFixtures.map("cs2-match.log", false);
    String zed = HlFixtures.botId("Zed");
    String match = "de_dust2-20261207T100100";
    assertThat(result.events)
        .containsExactly(
            "server.started null {\"game\":\"csgo\",\"map\":\"de_dust2\",\"version\":\"10325\"}",
            "player.connected "
                + ALICE
                + " {\"player_id\":\""
                + ALICE
                + "\",\"name\":\"Alice\",\"address\":\"203.0.113.7\"}",
            "custom.team_joined "
                + ALICE
                + " {\"name\":\"Alice\",\"team\":\"CT\",\"from\":\"Unassigned\"}",
            "player.connected "
                + BOB
                + " {\"player_id\":\""
                + BOB
                + "\",\"name\":\"Bob \\\"the <b>\\\"\",\"address\":\"198.51.100.2\"}",
            "custom.team_joined "
                + BOB
                + " {\"name\":\"Bob \\\"the <b>\\\"\",\"team\":\"TERRORIST\",\"from\":\"Unassigned\"}",
            "player.connected " + zed + " {\"player_id\":\"" + zed + "\",\"name\":\"Zed\"}",
            "match.started null {\"match_id\":\"" + match + "\",\"map\":\"de_dust2\"}",
            "custom.round_started null {\"match_id\":\"" + match + "\",\"round\":1}",
            "player.killed "
                + ALICE
                + " {\"player_id\":\""
                + ALICE
                + "\",\"victim_id\":\""
                + BOB
                + "\",\"weapon\":\"ak47\",\"headshot\":true}",
            "player.died "
                + BOB
                + " {\"player_id\":\""
                + BOB
                + "\",\"killer_id\":\""
                + ALICE
                + "\",\"cause\":\"ak47\"}",
            "player.killed "
                + zed
                + " {\"player_id\":\""
                + zed
                + "\",\"victim_id\":\""
                + ALICE
                + "\",\"weapon\":\"glock\"}",
            "player.died "
                + ALICE
                + " {\"player_id\":\""
                + ALICE
                + "\",\"killer_id\":\""
                + zed
                + "\",\"cause\":\"glock\"}",
            "player.chatted "
                + ALICE
                + " {\"player_id\":\""
                + ALICE
                + "\",\"name\":\"Alice\",\"message\":\"gg <3 \\\"quoted\\\" ünïcödé \\uD83C\\uDFAE\","
                + "\"channel\":\"global\"}",
            "player.chatted "
                + BOB
                + " {\"player_id\":\""
                + BOB
                + "\",\"name\":\"Bob \\\"the <b>\\\"\",\"message\":\"rush b\",\"channel\":\"team\"}",
            "player.scored "
                + BOB
                + " {\"player_id\":\""
                + BOB
                + "\",\"stat\":\"bomb_plants\",\"value\":1.0,\"operator\":\"incr\"}",
            "player.chatted console {\"player_id\":\"console\",\"name\":\"Console\","
                + "\"message\":\"server restarting soon\",\"channel\":\"global\"}",
            "custom.team_scored null {\"team\":\"CT\",\"score\":1,\"players\":1,\"match_id\":\""
                + match
                + "\"}",
            "custom.team_scored null {\"team\":\"TERRORIST\",\"score\":0,\"players\":2,"
                + "\"match_id\":\""
                + match
                + "\"}",
            "custom.round_ended null {\"match_id\":\"" + match + "\",\"round\":1}",
            "match.ended null {\"match_id\":\""
                + match
                + "\",\"winner\":\"CT\",\"duration_seconds\":60}",
            "player.disconnected "
                + BOB
                + " {\"player_id\":\""
                + BOB
                + "\",\"reason\":\"Disconnect\"}",
            "player.died " + zed + " {\"player_id\":\"" + zed + "\",\"cause\":\"world\"}",
            "custom.name_changed "
                + ALICE
                + " {\"name\":\"Alice\",\"old_name\":\"Alice\",\"new_name\":\"Alicé\"}",
            "server.stopped null {\"reason\":\"log file closed\"}");
    assertThat(result.unmapped)
        .hasSize(3)
        .anyMatch(line -> line.contains("server_cvar"))
        .anyMatch(line -> line.contains("STEAM USERID validated"))
        .anyMatch(line -> line.contains("SFUI_Notice_Target_Saved"));
    assertThat(result.malformed)
        .containsExactly(
            "this line has no header at all",
            "L 12/07/2026 - 10:02:11: \"a token without its ids\" killed",
            "L 13/45/2026 - 10:02:12: Log file closed");
  }

  @Test
  void excludedBotsAndConsoleLeaveOnlyEventsAboutPeople() throws Exception {
    HlFixtures.Result result = HlFixtures.map("cs2-match.log", true);
    String zed = HlFixtures.botId("Zed");
    assertThat(result.events).noneMatch(event -> event.split(" ")[1].equals(zed));
    assertThat(result.events).noneMatch(event -> event.contains("\"console\""));
    // Zed's connect, kill, suicide; the console's chat. Alice's death by Zed stays: it is hers.
    assertThat(result.excluded).isEqualTo(4);
    assertThat(result.events)
        .contains(
            "player.died "
                + ALICE
                + " {\"player_id\":\""
                + ALICE
                + "\",\"killer_id\":\""
                + zed
                + "\",\"cause\":\"glock\"}");
  }

  @Test
  void aTf2LogPlaysOneMatchPerRoundWithTheAnnouncedWinner() {
    String scout = "76561197960266729"; // [U:1:1001]
    String heavy = "76561197960266730";
    String match = "ctf_2fort-20261207T200030";
    HlFixtures.Result result = HlFixtures.map("tf2.log", false);
    assertThat(result.events)
        .containsExactly(
            "server.started null {\"game\":\"tf\",\"map\":\"ctf_2fort\",\"version\":\"8835751\"}",
            "player.connected "
                + scout
                + " {\"player_id\":\""
                + scout
                + "\",\"name\":\"Scout\",\"address\":\"192.0.2.10\"}",
            "custom.team_joined "
                + scout
                + " {\"name\":\"Scout\",\"team\":\"Red\",\"from\":\"Unassigned\"}",
            "player.connected " + heavy + " {\"player_id\":\"" + heavy + "\",\"name\":\"Heavy\"}",
            "custom.team_joined "
                + heavy
                + " {\"name\":\"Heavy\",\"team\":\"Blue\",\"from\":\"Unassigned\"}",
            "match.started null {\"match_id\":\"" + match + "\",\"map\":\"ctf_2fort\"}",
            "player.killed "
                + scout
                + " {\"player_id\":\""
                + scout
                + "\",\"victim_id\":\""
                + heavy
                + "\",\"weapon\":\"scattergun\",\"headshot\":true}",
            "player.died "
                + heavy
                + " {\"player_id\":\""
                + heavy
                + "\",\"killer_id\":\""
                + scout
                + "\",\"cause\":\"scattergun\"}",
            "player.scored "
                + heavy
                + " {\"player_id\":\""
                + heavy
                + "\",\"stat\":\"assists\",\"value\":1.0,\"operator\":\"incr\"}",
            "custom.flag_event "
                + scout
                + " {\"action\":\"flagevent\",\"event\":\"picked up\",\"position\":\"1 1 1\"}",
            "match.ended null {\"match_id\":\""
                + match
                + "\",\"winner\":\"Red\",\"duration_seconds\":270}",
            "custom.team_scored null {\"team\":\"Red\",\"score\":1,\"players\":1}",
            "custom.team_scored null {\"team\":\"Blue\",\"score\":0,\"players\":1}",
            "player.disconnected "
                + heavy
                + " {\"player_id\":\""
                + heavy
                + "\",\"reason\":\"Disconnect by user.\"}");
    assertThat(result.unmapped).singleElement().asString().contains("Round_Length");
    assertThat(result.malformed).isEmpty();
  }

  @Test
  void aGenericHlModLogWithLoopbackAndPendingIds() throws Exception {
    String gordon = "76561197960265743"; // STEAM_0:1:7
    String pending = "anon_" + HlFixtures.botId("Gordon").substring(4);
    HlFixtures.Result result = HlFixtures.map("generic-hl.log", false);
    assertThat(result.events)
        .containsExactly(
            "server.started null {\"game\":\"valve\",\"map\":\"crossfire\","
                + "\"version\":\"48/1.1.2.2/Stdio 10211\"}",
            "player.connected "
                + gordon
                + " {\"player_id\":\""
                + gordon
                + "\",\"name\":\"Gordon\",\"address\":\"127.0.0.1\"}",
            "player.died "
                + gordon
                + " {\"player_id\":\""
                + gordon
                + "\",\"cause\":\"worldspawn\"}",
            "player.chatted "
                + pending
                + " {\"player_id\":\""
                + pending
                + "\",\"name\":\"Gordon\",\"message\":\"pending id\",\"channel\":\"global\"}",
            "player.scored "
                + gordon
                + " {\"player_id\":\""
                + gordon
                + "\",\"stat\":\"custom_actions\",\"value\":5.0,\"operator\":\"best\"}",
            "server.stopped null {\"reason\":\"shutdown\"}");
  }

  @Test
  void cs2HttpLinesWithMillisecondsAndADashAreRead() {
    HlLogMapper mapper = new HlLogMapper(HlFixtures.options(false));
    MappedLine mapped =
        mapper.map("12/07/2026 - 10:00:05.250 - \"Alice<2><[U:1:24690]><CT>\" say \"hi\"\n");
    assertThat(mapped).isInstanceOf(MappedLine.Events.class);
    MappedLine.Events events = (MappedLine.Events) mapped;
    assertThat(events.time()).hasToString("2026-12-07T10:00:05.250Z");
    assertThat(events.events())
        .singleElement()
        .extracting(HlFixtures::render)
        .asString()
        .contains("\"hi\"");
  }

  @Test
  void everyFormOfASteamIdGivesTheSameSteamId64() {
    String expected = "76561197960290418";
    for (String form :
        new String[] {"STEAM_0:0:12345", "STEAM_1:0:12345", "[U:1:24690]", expected}) {
      assertThat(HlPlayer.at("\"x<1><" + form + "><CT>\"", 0).orElseThrow().id())
          .as(form)
          .isEqualTo(expected);
    }
  }
}
