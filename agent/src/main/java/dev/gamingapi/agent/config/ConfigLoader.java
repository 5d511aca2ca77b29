package dev.gamingapi.agent.config;

import dev.gamingapi.agent.config.AgentConfig.StatusConfig;
import dev.gamingapi.agent.config.InputConfig.Secret;
import dev.gamingapi.contract.subject.Ids;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns the YAML tree into an {@link AgentConfig}, checking every key on the way. */
final class ConfigLoader {
  private final YamlTree tree;

  ConfigLoader(YamlTree tree) {
    this.tree = tree;
  }

  AgentConfig load() {
    ConfigNode root = new ConfigNode(tree, "", tree.root());
    root.allowOnly(Set.of("state_dir", "status", "servers"));
    Path stateDir = root.file("state_dir").orElse(ConfigNode.resolve(tree, "agent-state"));
    StatusConfig status =
        root.object("status")
            .map(
                node -> {
                  node.allowOnly(Set.of("bind", "port"));
                  return new StatusConfig(
                      node.string("bind").orElse("127.0.0.1"),
                      (int) node.integer("port", 0, 65535, 9465));
                })
            .orElse(new StatusConfig("127.0.0.1", 9465));
    List<ConfigNode> serverNodes = root.list("servers");
    if (serverNodes.isEmpty()) {
      throw root.error("servers", "list at least one game server");
    }
    List<ServerConfig> servers = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<Path> journals = new HashSet<>();
    for (ConfigNode node : serverNodes) {
      ServerConfig server = server(node, stateDir);
      if (!ids.add(server.id())) {
        throw node.error("id", "'" + server.id() + "' is listed twice");
      }
      if (!journals.add(server.journal())) {
        throw node.error("journal", "is shared with another server; each needs its own");
      }
      servers.add(server);
    }
    return new AgentConfig(tree.file(), stateDir, status, servers);
  }

  private ServerConfig server(ConfigNode node, Path stateDir) {
    node.allowOnly(Set.of("id", "url", "creds", "journal", "inputs", "outlet"));
    String id = node.requiredString("id");
    if (!Ids.isValid(id)) {
      throw node.error("id", "'" + id + "' " + Ids.ID_RULE);
    }
    String url = node.string("url").orElse("nats://127.0.0.1:4222");
    var creds = node.file("creds");
    if (creds.isPresent() && !Files.isReadable(creds.get())) {
      throw node.error("creds", "cannot read " + creds.get());
    }
    Path journal = node.file("journal").orElse(stateDir.resolve("journal").resolve(id));
    InputLoader inputs = new InputLoader();
    List<InputConfig> list = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<ConfigNode> inputNodes = node.list("inputs");
    for (int i = 0; i < inputNodes.size(); i++) {
      InputConfig input = inputs.input(inputNodes.get(i), i);
      if (!names.add(input.name())) {
        throw inputNodes.get(i).error("name", "'" + input.name() + "' is used twice");
      }
      list.add(input);
    }
    return new ServerConfig(id, url, creds, journal, list, new OutletLoader().outlets(node));
  }

  /** Reads a secret from {@code secret_file} or {@code secret_env}; an inline one is refused. */
  static java.util.Optional<Secret> secret(ConfigNode node) {
    if (node.has("secret")) {
      throw node.error(
          "secret",
          "inline secrets are refused (config files get shared): use secret_file or"
              + " secret_env");
    }
    if (node.has("secret_file") && node.has("secret_env")) {
      throw node.error("secret_env", "set secret_file or secret_env, not both");
    }
    if (node.has("secret_file")) {
      Path file = node.file("secret_file").orElseThrow();
      try {
        String value = Files.readString(file).strip();
        if (value.isEmpty()) {
          throw node.error("secret_file", file + " is empty");
        }
        return java.util.Optional.of(new Secret(value));
      } catch (java.io.IOException e) {
        throw node.error("secret_file", "cannot read " + file);
      }
    }
    if (node.has("secret_env")) {
      String variable = node.requiredString("secret_env");
      String value = System.getenv(variable);
      if (value == null || value.isBlank()) {
        throw node.error("secret_env", "the environment variable " + variable + " is not set");
      }
      return java.util.Optional.of(new Secret(value.strip()));
    }
    return java.util.Optional.empty();
  }
}
