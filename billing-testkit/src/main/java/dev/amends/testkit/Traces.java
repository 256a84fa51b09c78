package dev.amends.testkit;

import dev.amends.rules.TraceNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** Walking trace trees. */
final class Traces {
  private Traces() {}

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
