package dev.gamingapi.server.notify;

import dev.gamingapi.server.common.InvalidRequestException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Which webhook URLs the platform will call. A tenant must not be able to make the platform reach
 * into the operator's own network (SSRF): unless the operator allows it, the host must resolve only
 * to public addresses (every address is checked, since a name can have several), and the scheme
 * must be {@code https}. The check runs when a rule is saved and again before every request,
 * because a name can be re-pointed after it passed.
 */
public final class UrlGuard {
  private static final int MAX_LENGTH = 2048;

  private final boolean allowPrivate;

  /**
   * @param allowPrivate let loopback, private and link-local addresses and plain http through
   */
  public UrlGuard(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /**
   * The parsed {@code url} of field {@code field} if the platform may call it.
   *
   * @throws InvalidRequestException naming what is wrong; never the URL itself, which may hold a
   *     token
   */
  public URI check(String field, String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidRequestException(field, "is required");
    }
    if (url.length() > MAX_LENGTH) {
      throw new InvalidRequestException(field, "must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidRequestException(field, "is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
      // The operator's setting that allows http:// is named, since that is what a test setup
      // with a local receiver needs; a tenant cannot change it.
      throw new InvalidRequestException(
          field,
          "must be an https:// URL"
              + (scheme.isEmpty() ? "" : ", not " + scheme + "://")
              + (scheme.equals("http")
                  ? " (the operator allows http:// with GAMINGAPI_NOTIFY_ALLOW_PRIVATE=true)"
                  : ""));
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidRequestException(field, "must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidRequestException(field, "must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidRequestException(field, "must not have a #fragment");
    }
    String host = uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new InvalidRequestException(field, "host '" + host + "' does not resolve");
    }
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (!isPublic(address)) {
          throw new InvalidRequestException(
              field,
              "host '"
                  + host
                  + "' resolves to "
                  + address.getHostAddress()
                  + ", a loopback, private or link-local address; the operator does not allow"
                  + " those (GAMINGAPI_NOTIFY_ALLOW_PRIVATE)");
        }
      }
    }
    return uri;
  }

  /** Whether {@code address} is on the public internet (see {@link PublicAddresses}). */
  static boolean isPublic(InetAddress address) {
    return PublicAddresses.isPublic(address);
  }

  /**
   * {@code url} without what may be secret: a Discord URL's token (its last path segment), any
   * query string. Safe for logs and API responses.
   */
  public static String redact(String url, String kind) {
    try {
      URI uri = new URI(url);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (Rule.DISCORD.equals(kind)) {
        int slash = path.lastIndexOf('/');
        path = slash < 0 ? path : path.substring(0, slash + 1) + "****";
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return uri.getScheme()
          + "://"
          + uri.getHost()
          + port
          + path
          + (uri.getRawQuery() == null ? "" : "?****");
    } catch (URISyntaxException e) {
      return "****";
    }
  }
}
