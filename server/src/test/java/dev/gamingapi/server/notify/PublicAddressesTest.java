package dev.gamingapi.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.server.common.InvalidRequestException;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook guard's address ranges: IANA special-purpose blocks and IPv4 carried in IPv6. */
class PublicAddressesTest {
  private final UrlGuard strict = new UrlGuard(false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        // IPv4 carried in IPv6 forms, each pointing at loopback or the cloud metadata address
        "::127.0.0.1",
        "::ffff:127.0.0.1",
        "64:ff9b::7f00:1",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::7f00:1",
        "2002:7f00:1::",
        "2002:a9fe:a9fe::1",
        "2001:0:5db8:d822:0:0:80ff:fffe", // Teredo, client 127.0.0.1 (inverted)
        // IPv6 special-purpose blocks
        "::",
        "::1",
        "100::1",
        "2001:db8::1",
        "2001:2::1",
        "3fff::1",
        "5f00::1",
        "fc00::1",
        "fec0::1",
        "ff02::1",
        // IPv4 special-purpose blocks
        "192.0.0.8",
        "192.0.2.1",
        "192.88.99.1",
        "198.18.0.1",
        "198.51.100.7",
        "203.0.113.9",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255"
      })
  void specialPurposeAddressesAndIpv4CarriedInIpv6AreRefused(String address) throws Exception {
    assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    String host = address.contains(":") ? "[" + address + "]" : address;
    assertThatThrownBy(() -> strict.check("url", "https://" + host + "/hook"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("loopback, private or link-local");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "2606:2800:220:1:248:1893:25c8:1946",
        "64:ff9b::5db8:d822", // NAT64 of 93.184.216.34
        "2002:5db8:d822::1", // 6to4 of 93.184.216.34
        "2001:0:5db8:d822:0:0:a247:27cb" // Teredo: server and client (93.184.216.52) public
      })
  void publicAddressesPassIncludingPublicIpv4CarriedInIpv6(String address) throws Exception {
    assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isTrue();
  }
}
