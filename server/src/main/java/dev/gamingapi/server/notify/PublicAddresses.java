package dev.gamingapi.server.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Whether an address is on the public internet, for the webhook guard. Refuses every range of the
 * IANA IPv4 and IPv6 special-purpose address registries that is not globally reachable (loopback,
 * private, link-local, shared, documentation, benchmarking, reserved, multicast...), and judges the
 * IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}) by the IPv4 addresses they carry: otherwise
 * {@code [64:ff9b::7f00:1]} reaches 127.0.0.1 through a translator.
 */
final class PublicAddresses {
  private static final List<Range> SPECIAL_V4 =
      List.of(
          Range.of("0.0.0.0/8"), // "this network"
          Range.of("10.0.0.0/8"),
          Range.of("100.64.0.0/10"), // shared address space (carrier-grade NAT)
          Range.of("127.0.0.0/8"),
          Range.of("169.254.0.0/16"),
          Range.of("172.16.0.0/12"),
          Range.of("192.0.0.0/24"), // IETF protocol assignments
          Range.of("192.0.2.0/24"), // TEST-NET-1
          Range.of("192.88.99.0/24"), // 6to4 relay anycast, deprecated
          Range.of("192.168.0.0/16"),
          Range.of("198.18.0.0/15"), // benchmarking
          Range.of("198.51.100.0/24"), // TEST-NET-2
          Range.of("203.0.113.0/24"), // TEST-NET-3
          Range.of("224.0.0.0/4"), // multicast
          Range.of("240.0.0.0/4")); // reserved, and 255.255.255.255

  private static final List<Range> SPECIAL_V6 =
      List.of(
          Range.of("::/96"), // unspecified, loopback and the deprecated IPv4-compatible form
          Range.of("::ffff:0:0/96"), // IPv4-mapped (the JDK usually gives these as IPv4)
          Range.of("64:ff9b:1::/48"), // local-use NAT64: a translator inside someone's network
          Range.of("100::/64"), // discard-only
          Range.of("2001::/23"), // IETF protocol assignments, Teredo among them
          Range.of("2001:db8::/32"), // documentation
          Range.of("3fff::/20"), // documentation
          Range.of("5f00::/16"), // segment routing identifiers
          Range.of("fc00::/7"), // unique local
          Range.of("fe80::/10"), // link-local
          Range.of("fec0::/10"), // site-local, deprecated
          Range.of("ff00::/8")); // multicast

  private static final Range NAT64 = Range.of("64:ff9b::/96");
  private static final Range SIX_TO_FOUR = Range.of("2002::/16");
  private static final Range TEREDO = Range.of("2001::/32");
  private static final Range IPV4_COMPATIBLE = Range.of("::/96");
  private static final Range IPV4_MAPPED = Range.of("::ffff:0:0/96");

  private PublicAddresses() {}

  /** Whether {@code address} is globally reachable, judging embedded IPv4 addresses as IPv4. */
  static boolean isPublic(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return SPECIAL_V4.stream().noneMatch(range -> range.contains(bytes));
    }
    if (!(address instanceof Inet6Address)) {
      return false;
    }
    if (IPV4_MAPPED.contains(bytes) || NAT64.contains(bytes)) {
      return isPublicV4(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (IPV4_COMPATIBLE.contains(bytes)) {
      // ::a.b.c.d (deprecated); :: and ::1 are in this range too and are never public.
      return !isZeroOrOne(bytes) && isPublicV4(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return isPublicV4(Arrays.copyOfRange(bytes, 2, 6));
    }
    if (TEREDO.contains(bytes)) {
      // Teredo carries its server (bits 32-63) and its client, inverted (bits 96-127).
      byte[] client = Arrays.copyOfRange(bytes, 12, 16);
      for (int i = 0; i < client.length; i++) {
        client[i] = (byte) ~client[i];
      }
      return isPublicV4(Arrays.copyOfRange(bytes, 4, 8)) && isPublicV4(client);
    }
    return SPECIAL_V6.stream().noneMatch(range -> range.contains(bytes));
  }

  private static boolean isPublicV4(byte[] bytes) {
    return SPECIAL_V4.stream().noneMatch(range -> range.contains(bytes));
  }

  private static boolean isZeroOrOne(byte[] bytes) {
    for (int i = 0; i < 15; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[15] == 0 || bytes[15] == 1;
  }

  /** A CIDR block of one family. */
  private record Range(byte[] prefix, int bits) {
    static Range of(String cidr) {
      int slash = cidr.indexOf('/');
      try {
        // Literals only: getByName parses them without a lookup.
        byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
        if (prefix.length == 4 && cidr.contains(":")) {
          prefix = mapped(prefix);
        }
        return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(cidr, e);
      }
    }

    /** ::ffff:a.b.c.d, which the JDK turns into an IPv4 address when parsing. */
    private static byte[] mapped(byte[] v4) {
      byte[] v6 = new byte[16];
      v6[10] = (byte) 0xff;
      v6[11] = (byte) 0xff;
      System.arraycopy(v4, 0, v6, 12, 4);
      return v6;
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (prefix[full] & mask);
    }
  }
}
