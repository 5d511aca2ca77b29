package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;

/** A command that sends one request and prints the answer's fields (or its JSON). */
abstract class ShowCommand extends ApiCommand {
  /** The method and path to send; a body when not null. */
  abstract JsonNode request(RestClient client);

  @Override
  protected void run(RestClient client) {
    JsonNode answer = request(client);
    if (json()) {
      printJson(answer);
      return;
    }
    Table.fields(answer, out());
  }

  /** Prints {@code items} of {@code answer} as a table of {@code columns} (JSON field names). */
  void table(JsonNode answer, String... columns) {
    if (json()) {
      printJson(answer);
      return;
    }
    String[] headers = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      headers[i] = columns[i].toUpperCase(java.util.Locale.ROOT);
    }
    Table table = Table.of(headers);
    for (JsonNode item : answer.path("items")) {
      Object[] cells = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        cells[i] = Table.text(item.path(columns[i]));
      }
      table.row(cells);
    }
    table.print(out());
    if (!answer.path("next_cursor").isNull() && answer.has("next_cursor")) {
      out().println("next cursor: " + answer.path("next_cursor").asText());
    }
  }
}
