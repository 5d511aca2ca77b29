package dev.gamingapi.server.oauth;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner's browser on the authorization endpoint, over real HTTP: it keeps cookies, does not
 * follow redirects (the test reads where the code goes), and posts the pages' forms.
 */
final class Browser {
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

  private final String baseUrl;
  private final HttpClient http;

  Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code fields} (name, value pairs; names may repeat) to {@code path}. */
  HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) throws Exception {
    StringBuilder form = new StringBuilder();
    for (Map.Entry<String, String> field : fields) {
      if (!form.isEmpty()) {
        form.append('&');
      }
      form.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The hidden fields of {@code page}, as a form would send them. */
  static List<Map.Entry<String, String>> hidden(String page) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    Matcher matcher = HIDDEN.matcher(page);
    while (matcher.find()) {
      fields.add(Map.entry(matcher.group(1), unescape(matcher.group(2))));
    }
    return fields;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
