package dev.gamingapi.bench;

import java.util.List;

/**
 * Command-line settings of a benchmark run.
 *
 * @param which {@code ingest}, {@code replay}, {@code control}, {@code commands}, {@code history},
 *     {@code cluster}, {@code agent-udp}, {@code agent-rcon} or {@code all}
 * @param ingestEvents events per ingest round
 * @param replayEvents events stored and replayed
 * @param window in-flight publish window, the same for raw jnats and the SDK
 * @param rounds measured rounds per side (alternating), after one warm-up each
 * @param accounts tenant accounts on the node at the end of the control-plane benchmark
 * @param plan the plan of the control-plane benchmark's accounts: a built-in one or {@code tiny}
 * @param historyEvents events stored for the read models' apply rate
 * @param players ranked players of the leaderboard latency benchmark
 * @param historyParts the parts of the history benchmark to run: {@code apply}, {@code visible},
 *     {@code leaderboard} (all by default)
 * @param historyDatabases the databases of the history benchmark: {@code sqlite}, {@code postgres}
 *     (both by default; PostgreSQL only when a URL is set)
 * @param agentSeconds how long each phase of the agent's UDP benchmark sends
 * @param rconCommands commands measured by the agent's RCON benchmark, at 10 a second
 */
record BenchArgs(
    String which,
    int ingestEvents,
    int replayEvents,
    int window,
    int rounds,
    int accounts,
    String plan,
    int historyEvents,
    int players,
    List<String> historyParts,
    List<String> historyDatabases,
    int agentSeconds,
    int rconCommands) {
  static BenchArgs parse(List<String> args) {
    String which = "all";
    int ingest = 200_000;
    int replay = 1_000_000;
    int window = 1_000;
    int rounds = 5;
    int accounts = 1_000;
    String plan = "tiny";
    int historyEvents = 100_000;
    int players = 1_000_000;
    List<String> parts = List.of("apply", "visible", "leaderboard");
    List<String> databases = List.of("sqlite", "postgres");
    int agentSeconds = 5;
    int rconCommands = 300;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "ingest",
            "replay",
            "control",
            "commands",
            "history",
            "cluster",
            "agent-udp",
            "agent-rcon",
            "all" ->
            which = arg;
        case "--agent-seconds" -> agentSeconds = Integer.parseInt(args.get(++i));
        case "--rcon-commands" -> rconCommands = Integer.parseInt(args.get(++i));
        case "--history-events" -> historyEvents = Integer.parseInt(args.get(++i));
        case "--players" -> players = Integer.parseInt(args.get(++i));
        case "--ingest-events" -> ingest = Integer.parseInt(args.get(++i));
        case "--replay-events" -> replay = Integer.parseInt(args.get(++i));
        case "--window" -> window = Integer.parseInt(args.get(++i));
        case "--rounds" -> rounds = Integer.parseInt(args.get(++i));
        case "--accounts" -> accounts = Integer.parseInt(args.get(++i));
        case "--plan" -> plan = args.get(++i);
        case "--history-parts" -> parts = List.of(args.get(++i).split(","));
        case "--history-databases" -> databases = List.of(args.get(++i).split(","));
        default ->
            throw new IllegalArgumentException(
                "unknown argument '"
                    + arg
                    + "'; use [ingest|replay|control|commands|history|cluster|agent-udp|agent-rcon|all]"
                    + " [--ingest-events N]"
                    + " [--replay-events N] [--window W] [--rounds R] [--accounts N] [--plan P]"
                    + " [--history-events N] [--players N] [--history-parts apply,visible,leaderboard]"
                    + " [--history-databases sqlite,postgres] [--agent-seconds S] [--rcon-commands N]");
      }
    }
    return new BenchArgs(
        which,
        ingest,
        replay,
        window,
        rounds,
        accounts,
        plan,
        historyEvents,
        players,
        parts,
        databases,
        agentSeconds,
        rconCommands);
  }

  boolean runs(String name) {
    return which.equals("all") || which.equals(name);
  }
}
