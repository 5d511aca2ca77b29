package dev.gamingapi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.testing.PlatformPerClass;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Jetty refuses before a route sees the request (bad percent-encodings and ambiguous paths, a
 * request line or headers too long, a malformed header) is answered as an RFC 9457 problem like
 * every other error, whatever the client says it accepts: it was an HTML page, or an empty 400 with
 * no Content-Type when the client accepted neither HTML nor JSON.
 */
class JettyErrorsTest extends PlatformPerClass {
  static Stream<Arguments> refused() {
    String none = "X-None: none";
    return Stream.of(
        Arguments.of("NUL in a path", "/api/v1/accounts/%00", none, 400),
        Arguments.of("invalid UTF-8", "/api/v1/accounts/%FF", none, 400),
        Arguments.of("overlong UTF-8 dot", "/api/v1/accounts/%C0%AE", none, 400),
        Arguments.of("dot-dot with a parameter", "/api/v1/accounts/..;/x", none, 400),
        Arguments.of("backslash", "/api/v1/accounts/a\\b", none, 400),
        Arguments.of("truncated escape", "/api/v1/accounts/%", none, 400),
        Arguments.of("asterisk form", "*", none, 400),
        Arguments.of("absolute form to another host", "http://evil/api/v1/health", none, 400),
        Arguments.of("a 20000-byte URI", "/" + "a".repeat(20_000), none, 414),
        Arguments.of("a 20000-byte header", "/api/v1/health", "X-Big: " + "a".repeat(20_000), 431),
        Arguments.of("a header name with a space", "/api/v1/health", "Bad Header: x", 400),
        Arguments.of("accepting only images", "/api/v1/accounts/%00", "Accept: image/png", 400),
        Arguments.of("accepting only HTML", "/api/v1/accounts/%FF", "Accept: text/html", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void isAProblem(String name, String target, String header, int status) {
    RawHttp.Response answer = new RawHttp(fixture.httpUrl()).send("GET", target, null, header);

    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    assertThat(answer.json().path("type").asText()).startsWith("https://gamingapi.dev/problems/");
    assertThat(answer.json().path("title").asText()).isNotBlank();
  }
}
