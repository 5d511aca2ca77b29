package dev.gamingapi.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.InvalidConfigException;
import dev.gamingapi.server.app.OperatorSetup;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.server.testing.Api;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The files in {@code deploy/}: both compose files conform to the Compose Specification's JSON
 * Schema and hang together (health checks, declared volumes, one broker config for all cluster
 * nodes), and both broker configs run for real with nats-server on loopback, with the include that
 * {@code gamingapi init} writes, under a platform that picks its stream replicas from them.
 */
class DeployFilesTest {
  private static final Path DEPLOY = Path.of("..", "deploy");

  @TempDir Path tmp;

  @Test
  void bothComposeFilesConformToTheComposeSpecification() throws Exception {
    Schema schema = composeSchema();
    for (Path file :
        List.of(DEPLOY.resolve("compose.yaml"), DEPLOY.resolve("cluster/compose.yaml"))) {
      List<String> errors = schema.validate(compose(file)).stream().map(Error::toString).toList();
      assertThat(errors).as("%s against the Compose Specification", file).isEmpty();
    }
  }

  @Test
  void theProjectNameIsInDotEnvBecauseDockerCompose129RefusesATopLevelName() throws Exception {
    // Debian's and Ubuntu's docker-compose (1.29) reject `name:` ("'name' does not match any of
    // the regexes: '^x-'"); both it and Compose v2 read COMPOSE_PROJECT_NAME from the .env file
    // beside the compose file, which keeps the volumes' names (gamingapi_operator...).
    for (var entry :
        Map.of("compose.yaml", "gamingapi", "cluster/compose.yaml", "gamingapi-cluster")
            .entrySet()) {
      Path file = DEPLOY.resolve(entry.getKey());
      assertThat(compose(file).has("name")).as("%s has a top-level name", file).isFalse();
      assertThat(Files.readAllLines(file.resolveSibling(".env")))
          .as("%s's .env", file)
          .contains("COMPOSE_PROJECT_NAME=" + entry.getValue());
    }
  }

  @Test
  void everyLongRunningServiceHasAHealthCheckAndEveryNamedVolumeIsDeclared() throws Exception {
    for (Path file :
        List.of(DEPLOY.resolve("compose.yaml"), DEPLOY.resolve("cluster/compose.yaml"))) {
      JsonNode compose = compose(file);
      Set<String> declared = new TreeSet<>();
      compose.path("volumes").fieldNames().forEachRemaining(declared::add);
      compose
          .path("services")
          .fields()
          .forEachRemaining(
              service -> {
                if (!service.getKey().equals("init")) {
                  assertThat(service.getValue().has("healthcheck"))
                      .as("%s: %s has a health check", file, service.getKey())
                      .isTrue();
                }
                for (JsonNode volume : service.getValue().path("volumes")) {
                  String source = volume.asText().split(":")[0];
                  if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(declared).as("%s: volume %s", file, source).contains(source);
                  }
                }
              });
    }
  }

  @Test
  void theThreeClusterNodesShareOneConfigAndNoFileNamesATenant() throws Exception {
    JsonNode services = compose(DEPLOY.resolve("cluster/compose.yaml")).path("services");
    Set<String> configs = new TreeSet<>();
    for (String node : List.of("nats1", "nats2", "nats3")) {
      for (JsonNode volume : services.path(node).path("volumes")) {
        if (volume.asText().endsWith(":/etc/nats/nats.conf:ro")) {
          configs.add(volume.asText());
        }
      }
    }
    assertThat(configs).containsExactly("../nats/cluster.conf:/etc/nats/nats.conf:ro");
    for (String conf : List.of("nats/cluster.conf", "nats/single.conf")) {
      String text = Files.readString(DEPLOY.resolve(conf));
      assertThat(text)
          .doesNotContainPattern("(?m)^\\s*accounts\\s*[:{=]")
          .doesNotContainPattern("\\bA[A-Z2-7]{55}\\b");
    }
  }

  @Test
  void theClusterConfigRunsThreeNodesUnderAPlatformThatGivesStreamsThreeReplicas()
      throws Exception {
    Path operator = tmp.resolve("operator");
    OperatorSetup.ensure(operator);
    try (DeployedBroker broker =
        DeployedBroker.cluster(DEPLOY.resolve("nats/cluster.conf"), operator, tmp)) {
      try (Platform platform = externalPlatform(broker.url(), operator, 0).start()) {
        assertThat(platform.streamReplicas()).isEqualTo(3);
        assertThat(platform.tenancy().accounts().usage(Platform.DEFAULT_ACCOUNT).replicas())
            .isEqualTo(3);
        // The default tenant's read models run under its lease: an event published reaches them.
        var info = platform.connectionInfo();
        try (io.nats.client.Connection owner =
            io.nats.client.Nats.connect(
                io.nats.client.Options.builder()
                    .server(broker.url())
                    .authHandler(io.nats.client.Nats.credentials(info.ownerCreds().toString()))
                    .build())) {
          owner.jetStream().publish("v1.servers.demo.events.server.started", "{}".getBytes());
        }
        Api api = new Api(info.httpUrl(), Files.readString(info.operatorToken()).strip());
        BrokerFailoverTest.await(
            () ->
                api.get("/api/v1/accounts/default/read-models").json().path("position").asLong()
                    == 1,
            "the read models to apply the event");
      }
    }
  }

  @Test
  void theSingleConfigRunsANodeWithOneReplicaAndRefusesThree() throws Exception {
    Path operator = tmp.resolve("operator");
    OperatorSetup.ensure(operator);
    try (DeployedBroker broker =
        DeployedBroker.single(DEPLOY.resolve("nats/single.conf"), operator, tmp)) {
      try (Platform platform = externalPlatform(broker.url(), operator, 0).start()) {
        assertThat(platform.streamReplicas()).isEqualTo(1);
      }
      assertThatThrownBy(() -> externalPlatform(broker.url(), operator, 3).start())
          .isInstanceOf(InvalidConfigException.class)
          .hasMessageContaining("GAMINGAPI_REPLICAS=3 but the broker has 1 JetStream node(s)");
    }
  }

  private Platform externalPlatform(String url, Path operator, int replicas) {
    return new Platform(
        PlatformSettings.of(
                PlatformConfig.external(
                        tmp.resolve("data-" + replicas),
                        url,
                        operator.resolve(OperatorSetup.SIGNING_SEED),
                        operator.resolve(OperatorSetup.OPERATOR_JWT),
                        operator.resolve(OperatorSetup.SYSTEM_CREDS))
                    .toBuilder()
                    .replicas(replicas)
                    .build())
            .withApi(ApiConfig.defaults()));
  }

  /** The compose file as JSON, YAML anchors and merge keys ({@code <<}) resolved. */
  static JsonNode compose(Path file) throws Exception {
    Map<String, Object> yaml = new Yaml().load(Files.readString(file));
    return new ObjectMapper().valueToTree(yaml);
  }

  static Schema composeSchema() throws Exception {
    String iri = "https://gamingapi.dev/test/compose-spec.json";
    String text;
    try (InputStream in =
        DeployFilesTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder ->
                builder
                    .schemas(Map.of(iri, text))
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    return registry.getSchema(SchemaLocation.of(iri));
  }
}
