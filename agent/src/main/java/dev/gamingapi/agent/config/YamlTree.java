package dev.gamingapi.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a {@link JsonNode} tree, remembering the line of every key, so that
 * validation errors can name where the owner has to look. Jackson's tree model drops token
 * locations, hence this small reader over the streaming parser.
 */
final class YamlTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Path file;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlTree(Path file, JsonNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  static YamlTree read(Path file) {
    Map<String, Integer> lines = new HashMap<>();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new AgentConfigException(file, 0, "", "cannot be read: " + e.getMessage());
    }
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? NODES.objectNode() : value(parser, "", lines);
      return new YamlTree(file, root, lines);
    } catch (IOException e) {
      int line = 0;
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
          && processing.getLocation() != null) {
        line = processing.getLocation().getLineNr();
      }
      String message = e.getMessage().lines().findFirst().orElse("not valid YAML");
      throw new AgentConfigException(file, line, "", "not valid YAML: " + message);
    }
  }

  private static JsonNode value(JsonParser parser, String path, Map<String, Integer> lines)
      throws IOException {
    lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
    return switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          String child = path.isEmpty() ? key : path + "." + key;
          lines.put(child, parser.currentTokenLocation().getLineNr());
          parser.nextToken();
          object.set(key, value(parser, child, lines));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser, path + "[" + index++ + "]", lines));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      default -> NODES.nullNode();
    };
  }

  Path file() {
    return file;
  }

  JsonNode root() {
    return root;
  }

  /** The line of {@code path}, or of its nearest parent that has one. */
  int lineOf(String path) {
    String key = path;
    while (true) {
      Integer line = lines.get(key);
      if (line != null) {
        return line;
      }
      int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
      if (cut <= 0) {
        return lines.getOrDefault("", 0);
      }
      key = key.substring(0, cut);
    }
  }

  AgentConfigException error(String path, String problem) {
    return new AgentConfigException(file, lineOf(path), path, problem);
  }
}
