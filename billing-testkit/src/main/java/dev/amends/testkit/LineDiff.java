package dev.amends.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts in unified form: {@code -} lines only in the expected text, {@code +}
 * lines only in the actual one, and a few unchanged lines around each change, under {@code @@}
 * headers giving line numbers.
 *
 * <p>The common head and tail are cut first; the rest is matched by a longest common
 * subsequence, or, past {@value #MAX_CELLS} cells, shown as one block replaced by another.
 */
final class LineDiff {
  private LineDiff() {}

  /** The most cells of the longest-common-subsequence table (about 16 MB of ints). */
  static final int MAX_CELLS = 4_000_000;
  private static final int CONTEXT = 3;

  private record Edit(char op, String text, int expectedLine, int actualLine) {}

  /** The lines of a text, with {@code \r\n} read as {@code \n}; a final newline ends the last line. */
  static List<String> lines(String text) {
    String t = text.replace("\r\n", "\n");
    List<String> out = new ArrayList<>(List.of(t.split("\n", -1)));
    if (t.endsWith("\n")) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** The diff, or an empty string when the lines are equal. */
  static String diff(String expected, String actual) {
    List<String> a = lines(expected);
    List<String> b = lines(actual);
    List<Edit> edits = edits(a, b);
    if (edits.stream().allMatch(e -> e.op() == ' ')) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == ' ') {
        i++;
        continue;
      }
      int from = Math.max(0, i - CONTEXT);
      int to = i;
      int quiet = 0;
      while (to < edits.size() && (edits.get(to).op() != ' ' || quiet < 2 * CONTEXT)) {
        quiet = edits.get(to).op() == ' ' ? quiet + 1 : 0;
        to++;
      }
      to = Math.min(edits.size(), to - Math.max(0, quiet - CONTEXT));
      Edit first = edits.get(from);
      sb.append("@@ expected line ").append(first.expectedLine()).append(", actual line ").append(first.actualLine())
          .append(" @@\n");
      for (int k = from; k < to; k++) {
        sb.append(edits.get(k).op()).append(' ').append(edits.get(k).text()).append('\n');
      }
      i = to;
    }
    return sb.toString();
  }

  private static List<Edit> edits(List<String> a, List<String> b) {
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    List<Edit> out = new ArrayList<>();
    for (int k = 0; k < head; k++) {
      out.add(new Edit(' ', a.get(k), k + 1, k + 1));
    }
    List<String> ma = a.subList(head, a.size() - tail);
    List<String> mb = b.subList(head, b.size() - tail);
    if ((long) (ma.size() + 1) * (mb.size() + 1) > MAX_CELLS) {
      for (int k = 0; k < ma.size(); k++) {
        out.add(new Edit('-', ma.get(k), head + k + 1, head + 1));
      }
      for (int k = 0; k < mb.size(); k++) {
        out.add(new Edit('+', mb.get(k), head + ma.size() + 1, head + k + 1));
      }
    } else {
      middle(ma, mb, head, out);
    }
    for (int k = tail; k > 0; k--) {
      out.add(new Edit(' ', a.get(a.size() - k), a.size() - k + 1, b.size() - k + 1));
    }
    return out;
  }

  /** The edits between two line lists by a longest common subsequence, deletions before insertions. */
  private static void middle(List<String> a, List<String> b, int offset, List<Edit> out) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        out.add(new Edit(' ', a.get(i), offset + i + 1, offset + j + 1));
        i++;
        j++;
      } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add(new Edit('-', a.get(i), offset + i + 1, offset + j + 1));
        i++;
      } else {
        out.add(new Edit('+', b.get(j), offset + i + 1, offset + j + 1));
        j++;
      }
    }
  }
}
