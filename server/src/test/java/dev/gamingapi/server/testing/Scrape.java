package dev.gamingapi.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One {@code /metrics} answer in the Prometheus text format, read as a test needs it. */
public record Scrape(String text) {
  /**
   * {@code GET url} with {@code token} as the bearer credential (null: none, for the metrics port).
   *
   * @throws IllegalStateException if the answer is not 200
   */
  public static Scrape of(HttpClient http, URI url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return new Scrape(response.body());
  }

  /** The sample names served (a histogram's {@code _bucket}, {@code _count}, {@code _sum}...). */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (String line : samples()) {
      names.add(name(line));
    }
    return names;
  }

  /**
   * The sum of the samples of {@code name} carrying every label of {@code labels} (NaN when none
   * does): one figure for a family split by labels the caller does not care about.
   */
  public double value(String name, Map<String, String> labels) {
    double sum = 0;
    boolean found = false;
    for (String line : samples()) {
      if (!name(line).equals(name)) {
        continue;
      }
      String head = line.substring(0, line.lastIndexOf(' '));
      if (labels.entrySet().stream()
          .allMatch(label -> head.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    return found ? sum : Double.NaN;
  }

  private List<String> samples() {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String name(String line) {
    int end = line.indexOf('{');
    return line.substring(0, end >= 0 ? end : line.indexOf(' '));
  }
}
