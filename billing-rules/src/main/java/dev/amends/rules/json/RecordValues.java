package dev.amends.rules.json;

import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The values of one record line as Jackson's streaming parser gives them, read in one pass: an
 * object is its names and values in two arrays, in document order ({@link Obj}); an array its items
 * ({@link Arr}); a string the parser's own {@code String}; {@code null} is {@link #NULL}; a number
 * or a boolean the {@link JsonNode} the mapper makes of that token (numbers exact, as {@link
 * Json#MAPPER} reads them: decimals as {@code BigDecimal}, with their scale). No {@code JsonNode}
 * tree, no map per object: a record has a handful of fields, found by a scan.
 *
 * <p>The record codecs read these through {@link RecordFields} in their own order, so that a line's
 * problems come in the codec's order, not the document's. The parser does the strict checks as
 * before (duplicate names, nesting, number and string lengths); {@link #node(Object)} turns a
 * value back into the {@code JsonNode} the tree reader would have made, which only a problem's
 * message needs (to show the value found).
 */
final class RecordValues {
  private RecordValues() {}

  /** JSON {@code null}, as the tree has it. */
  static final JsonNode NULL = NullNode.getInstance();

  /** A JSON object: its members in document order. Names are unique (the parser refuses duplicates). */
  static final class Obj {
    private String[] names = new String[8];
    private Object[] values = new Object[8];
    private int size;

    /** The number of members. */
    int size() {
      return size;
    }

    /** The name of the i-th member. */
    String name(int i) {
      return names[i];
    }

    /** The value of the i-th member. */
    Object value(int i) {
      return values[i];
    }

    /** The value of a member, or null if there is none. */
    Object get(String name) {
      for (int i = 0; i < size; i++) {
        if (names[i] == name) { // the parser interns names (Json's factory), and so does the compiler
          return values[i];
        }
      }
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return values[i];
        }
      }
      return null;
    }

    private void add(String name, Object value) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size++] = value;
    }
  }

  /** A JSON array: its items in order. */
  static final class Arr {
    private Object[] items = new Object[4];
    private int size;

    /** The number of items. */
    int size() {
      return size;
    }

    /** The i-th item. */
    Object get(int i) {
      return items[i];
    }

    private void add(Object item) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = item;
    }
  }

  /**
   * Reads a line's one value, or returns null if it has none (blank text); the parser's exceptions
   * pass through, and so does the mapper's for a number it refuses. Nothing may follow the value:
   * that is refused as the mapper's {@code FAIL_ON_TRAILING_TOKENS} refuses it, in its words, at
   * the token found.
   */
  static Object readLine(JsonParser p) {
    JsonToken t = p.nextToken();
    if (t == null) {
      return null;
    }
    Object value = value(p, t);
    JsonToken after = p.nextToken();
    if (after != null) {
      throw MismatchedInputException.from(p, JsonNode.class, "Trailing token (`JsonToken." + after.name()
          + "`) found after value");
    }
    return value;
  }

  /** The value whose first token is {@code t}, the parser's current token. */
  private static Object value(JsonParser p, JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> p.getString();
      case START_OBJECT -> object(p);
      case START_ARRAY -> array(p);
      case VALUE_NULL -> NULL;
      // numbers and booleans: the node the mapper makes of this token, as its tree reader does
      default -> (JsonNode) p.readValueAsTree();
    };
  }

  private static Obj object(JsonParser p) {
    Obj o = new Obj();
    String name; // by nextName, as the tree reader reads names: the parser's words for a bad value are the same
    while ((name = p.nextName()) != null) {
      o.add(name, value(p, p.nextToken()));
    }
    return o; // at END_OBJECT: the parser refuses anything else here
  }

  private static Arr array(JsonParser p) {
    Arr a = new Arr();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      a.add(value(p, t));
    }
    return a;
  }

  /** Whether a value is JSON {@code null}. */
  static boolean isNull(Object value) {
    return value == NULL;
  }

  /**
   * The value as the {@code JsonNode} a tree reader would have made of it (the same members in the
   * same order, the same numbers), to show it in a problem; null stays null.
   */
  static JsonNode node(Object value) {
    if (value == null || value instanceof JsonNode) {
      return (JsonNode) value;
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof String s) {
      return f.stringNode(s);
    }
    if (value instanceof Obj o) {
      ObjectNode n = f.objectNode();
      for (int i = 0; i < o.size; i++) {
        n.set(o.names[i], node(o.values[i]));
      }
      return n;
    }
    Arr a = (Arr) value;
    ArrayNode n = f.arrayNode(a.size);
    for (int i = 0; i < a.size; i++) {
      n.add(node(a.items[i]));
    }
    return n;
  }
}
