package dev.amends.rules.engine;

import dev.amends.rules.Combinator;
import dev.amends.rules.Condition;
import dev.amends.rules.Conditions;
import dev.amends.rules.CreditRule;
import dev.amends.rules.StandardRule;
import dev.amends.rules.RuleNode;
import dev.amends.rules.When;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether a rule tree is made only of the library's own rules, combinators and conditions, whose
 * reads of a context are known (none reads the per-outage breakdown of a measurement). A rule or
 * condition of a user's own could read anything.
 */
public final class LibraryNodes {

  private LibraryNodes() {}

  /** True if every node and every condition in the tree is the library's own. */
  public static boolean only(RuleNode root) {
    Deque<RuleNode> nodes = new ArrayDeque<>();
    nodes.push(root);
    while (!nodes.isEmpty()) {
      RuleNode node = nodes.pop();
      switch (node) {
        case StandardRule standard -> { }
        case CreditRule own -> {
          return false;
        }
        case Combinator c -> {
          if (c instanceof When w && !only(w.condition())) {
            return false;
          }
          c.children().forEach(nodes::push);
        }
      }
    }
    return true;
  }

  private static boolean only(Condition condition) {
    return switch (condition) {
      case Conditions.All all -> all.conditions().stream().allMatch(LibraryNodes::only);
      case Conditions.Any any -> any.conditions().stream().allMatch(LibraryNodes::only);
      case Conditions.Not not -> only(not.condition());
      default -> condition.getClass().getEnclosingClass() == Conditions.class && condition.getClass().isRecord();
    };
  }
}
