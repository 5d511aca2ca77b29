package dev.gamingapi.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/swarm/stack.yaml}, the two-machine Docker Swarm layout: it conforms to the Compose
 * Specification, and it does not lean on what {@code docker stack deploy} ignores (build,
 * depends_on, restart) nor on volumes shared between machines. Swarm itself cannot run on the build
 * machines (podman has no swarm mode); scripts/deploy-test also loads the file with the docker
 * CLI's own stack loader ({@code docker stack config}).
 */
class SwarmStackTest {
  private static final Path STACK = Path.of("..", "deploy", "swarm", "stack.yaml");

  @Test
  void conformsToTheComposeSpecification() throws Exception {
    List<String> errors =
        DeployFilesTest.composeSchema().validate(DeployFilesTest.compose(STACK)).stream()
            .map(Error::toString)
            .toList();
    assertThat(errors).isEmpty();
  }

  @Test
  void everyServiceHasAHealthCheckAndNoneReliesOnWhatStackDeployIgnores() throws Exception {
    JsonNode services = DeployFilesTest.compose(STACK).path("services");
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrder("nats1", "nats2", "nats3", "postgres", "platform");
    for (String name : names) {
      JsonNode service = services.path(name);
      assertThat(service.has("healthcheck")).as("%s has a health check", name).isTrue();
      assertThat(service.has("build") || service.has("depends_on") || service.has("restart"))
          .as("%s uses build, depends_on or restart, which stack deploy ignores", name)
          .isFalse();
      assertThat(service.path("networks").toString()).as(name).contains("gamingapi");
    }
    assertThat(
            DeployFilesTest.compose(STACK)
                .path("networks")
                .path("gamingapi")
                .path("driver")
                .asText())
        .isEqualTo("overlay");
  }

  @Test
  void everyStoreIsPinnedToItsMachineAndTheNodesShareTheClusterConfig() throws Exception {
    JsonNode stack = DeployFilesTest.compose(STACK);
    JsonNode services = stack.path("services");
    for (String name : List.of("nats1", "nats2", "nats3", "postgres")) {
      assertThat(
              services.path(name).path("deploy").path("placement").path("constraints").toString())
          .as("%s: its volume lives on one machine", name)
          .contains("node.labels.gamingapi." + name + " == true");
    }
    for (String node : List.of("nats1", "nats2", "nats3")) {
      JsonNode configs = services.path(node).path("configs");
      assertThat(configs.toString())
          .contains("\"source\":\"nats-conf\",\"target\":\"/etc/nats/nats.conf\"")
          .contains("\"source\":\"operator-conf\",\"target\":\"/etc/nats/operator/operator.conf\"");
      assertThat(services.path(node).path("environment").path("NATS_SERVER_NAME").asText())
          .isEqualTo(node);
    }
    assertThat(stack.path("configs").path("nats-conf").path("file").asText())
        .isEqualTo("../nats/cluster.conf");
    JsonNode platform = services.path("platform").path("deploy");
    assertThat(platform.path("replicas").asInt()).isEqualTo(2);
    assertThat(platform.path("placement").path("max_replicas_per_node").asInt()).isEqualTo(1);
    // The replicas on two machines share the data dir (operator token, default tenant's creds).
    assertThat(
            stack.path("volumes").path("platform-data").path("driver_opts").path("type").asText())
        .isEqualTo("nfs");
  }
}
