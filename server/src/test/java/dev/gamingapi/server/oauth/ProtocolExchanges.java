package dev.gamingapi.server.oauth;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.gamingapi.testkit.openapi.Exchange;
import dev.gamingapi.testkit.openapi.OpenApiContract;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends the Nimbus SDK's requests to the OAuth protocol endpoints and checks each exchange against
 * the OpenAPI document, as {@link dev.gamingapi.server.testing.Api} does for the REST routes: a
 * response the document does not describe fails the test that got it.
 */
final class ProtocolExchanges {
  private static final OpenApiContract CONTRACT = OpenApiContract.load();

  private ProtocolExchanges() {}

  static HTTPResponse send(HTTPRequest request) throws IOException {
    HTTPResponse response = request.send();
    URI uri = request.getURI();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response
        .getHeaderMap()
        .forEach(
            (name, values) -> {
              // HttpURLConnection reports the status line under a null name.
              if (name != null && !values.isEmpty()) {
                headers.put(name, values.getFirst());
              }
            });
    CONTRACT.assertValid(
        new Exchange(
            request.getMethod().name(),
            path,
            request.getHeaderValue("Content-Type"),
            request.getBody(),
            response.getStatusCode(),
            response.getHeaderValue("Content-Type"),
            headers,
            response.getBody()));
    return response;
  }
}
