package dev.amends.testkit;

/**
 * Lays out JSON text one value a line, indented by two spaces a level, so that a line diff of two
 * documents shows the fields that differ. Empty objects and arrays stay on one line; strings are
 * copied as they are. The text is not validated: it is expected to come from a JSON writer.
 */
final class JsonLayout {
  private JsonLayout() {}

  static String layout(String json) {
    StringBuilder out = new StringBuilder(json.length() * 2);
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          out.append(c);
        }
        case '{', '[' -> {
          int next = nextNonSpace(json, i + 1);
          char close = c == '{' ? '}' : ']';
          if (next < json.length() && json.charAt(next) == close) {
            out.append(c).append(close);
            i = next;
          } else {
            depth++;
            out.append(c);
            newLine(out, depth);
          }
        }
        case '}', ']' -> {
          depth--;
          newLine(out, depth);
          out.append(c);
        }
        case ',' -> {
          out.append(c);
          newLine(out, depth);
        }
        case ':' -> out.append(": ");
        case ' ', '\t', '\n', '\r' -> { }
        default -> out.append(c);
      }
    }
    return out.append('\n').toString();
  }

  private static int nextNonSpace(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void newLine(StringBuilder out, int depth) {
    out.append('\n');
    for (int k = 0; k < depth; k++) {
      out.append("  ");
    }
  }
}
