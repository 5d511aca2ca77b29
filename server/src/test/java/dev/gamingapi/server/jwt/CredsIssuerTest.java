package dev.gamingapi.server.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.contract.subject.InvalidIdException;
import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.keys.KeyVault;
import io.nats.client.NKey;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CredsIssuerTest {
  private CredsIssuer issuer() {
    NKey accountKey = createAccount();
    return new CredsIssuer(KeyVault.publicKeyOf(accountKey), createAccount());
  }

  @Test
  void gameServerCredsAreBoundToTheirServer() {
    JwtClaims claims = Jwts.decodeVerified(issuer().gameServer("s-1").jwt());

    assertThat(claims.nats().path("pub").path("allow").toString())
        .isEqualTo(
            "[\"v1.servers.s-1.events.>\",\"v1.servers.s-1.players.*.events.>\","
                + "\"$JS.API.CONSUMER.MSG.NEXT.COMMANDS.server-s-1\","
                + "\"$JS.API.CONSUMER.INFO.COMMANDS.server-s-1\","
                + "\"$JS.ACK.COMMANDS.server-s-1.>\"]");
    assertThat(claims.nats().path("sub").path("allow").toString()).isEqualTo("[\"_INBOX_s-1.>\"]");
    assertThat(claims.nats().path("tags").toString()).contains("server:s-1");
  }

  @Test
  void everyCredentialGetsAFreshUserKey() {
    CredsIssuer issuer = issuer();

    assertThat(issuer.owner("a").publicKey()).isNotEqualTo(issuer.owner("a").publicKey());
  }

  @Test
  void serverIdsOutsideTheRuleAreRefusedWithTheRule() {
    assertThatThrownBy(() -> issuer().gameServer("a.b"))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("'a.b'")
        .hasMessageContaining(Ids.ID_RULE);
    assertThatThrownBy(() -> issuer().gameServer("*")).isInstanceOf(InvalidIdException.class);
    assertThatThrownBy(() -> issuer().gameServer("x".repeat(65)))
        .isInstanceOf(InvalidIdException.class);
  }

  @Test
  void accountJwtsAlwaysCarryEveryLimitAndUnlimitedConnections() {
    NKey operator = createOperator();
    String jwt =
        AccountClaims.tenant(
            operator, KeyVault.publicKeyOf(createAccount()), "t", "ABC", Plan.defaultPlan(), 1, 1);

    var limits = Jwts.decodeVerified(jwt).nats().path("limits");
    assertThat(limits.path("conn").asLong()).isEqualTo(-1);
    assertThat(limits.path("payload").asLong()).isEqualTo(1048576);
    assertThat(limits.path("mem_storage").asLong()).isEqualTo(512L * 1024 * 1024);
    assertThat(limits.path("disk_storage").asLong()).isEqualTo(1024L * 1024 * 1024);
    assertThat(limits.path("streams").asLong()).isEqualTo(10);
    assertThat(limits.path("consumer").asLong()).isEqualTo(100);
    for (String field : new String[] {"subs", "data", "imports", "exports", "leaf", "wildcards"}) {
      assertThat(limits.has(field)).as(field).isTrue();
    }
  }

  @Test
  void storageLimitsCoverEveryReplicaOfThePlansData() {
    String jwt =
        AccountClaims.tenant(
            createOperator(),
            KeyVault.publicKeyOf(createAccount()),
            "t",
            "ABC",
            Plan.defaultPlan(),
            3,
            1);

    var limits = Jwts.decodeVerified(jwt).nats().path("limits");
    assertThat(limits.path("disk_storage").asLong()).isEqualTo(3L * 1024 * 1024 * 1024);
    assertThat(limits.path("mem_storage").asLong()).isEqualTo(3L * 512 * 1024 * 1024);
  }

  private static NKey createAccount() {
    try {
      return NKey.createAccount(new SecureRandom());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static NKey createOperator() {
    try {
      return NKey.createOperator(new SecureRandom());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
