package dev.amends.testkit;

import dev.amends.rules.TraceNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** Walking trace trees. */
final class Traces {
  private Traces() {}

  /** The subtree as text, one node a line, indented by depth: {@code path [kind] VERDICT: summary}. */
  static String render(TraceNode root, String indent) {
    StringBuilder sb = new StringBuilder();
    Deque<TraceNode> todo = new ArrayDeque<>();
    Deque<String> indents = new ArrayDeque<>();
    todo.push(root);
    indents.push(indent);
    while (!todo.isEmpty()) {
      TraceNode n = todo.pop();
      String in = indents.pop();
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(in).append(line(n));
      for (int i = n.children().size() - 1; i >= 0; i--) {
        todo.push(n.children().get(i));
        indents.push(in + "  ");
      }
    }
    return sb.toString();
  }

  /** {@code path [kind] VERDICT: summary}. */
  static String line(TraceNode n) {
    return n.path() + " [" + n.kind() + "] " + n.verdict() + ": " + n.summary();
  }

  /** True if a node's path is the path asked for or ends in {@code /} and it. */
  static boolean matches(String nodePath, String asked) {
    return nodePath.equals(asked) || nodePath.endsWith("/" + asked);
  }

  /** Visits every node of a tree, depth first, in the order written, without recursion. */
  static void walk(TraceNode root, Consumer<TraceNode> visit) {
    Deque<TraceNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      TraceNode n = todo.pop();
      visit.accept(n);
      for (int i = n.children().size() - 1; i >= 0; i--) {
        todo.push(n.children().get(i));
      }
    }
  }
}
