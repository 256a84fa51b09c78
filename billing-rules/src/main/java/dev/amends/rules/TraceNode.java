package dev.amends.rules;

import dev.amends.core.money.ExactMoney;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a decision's trace: which rule was looked at, what it decided, and the values it
 * compared.
 *
 * @param path the node's path of ids from the policy's root, such as {@code sla/tiers}
 * @param kind the node's kind, such as {@code availability-tiers} or {@code most-generous}
 * @param verdict what happened
 * @param summary one line with the numbers, such as {@code availability 99.0591 % < 99.9 % -> 10 % of USD 20.00}
 * @param values the named values compared, in order, typed: an availability, an amount, a
 *     length of time (see {@link TraceValue}); {@link TraceValue#text()} reads each
 * @param amount the unrounded amount the node gave (or would have given, for {@link Verdict#LOST}), if any
 * @param children the traces of the child nodes, in the order written
 */
public record TraceNode(
    String path,
    String kind,
    Verdict verdict,
    String summary,
    Map<String, TraceValue> values,
    Optional<ExactMoney> amount,
    List<TraceNode> children) {

  /** Validates and copies. */
  public TraceNode {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Objects.requireNonNull(amount, "amount");
    children = List.copyOf(children);
  }

  /** A copy with another verdict and summary. */
  TraceNode with(Verdict newVerdict, String newSummary) {
    return new TraceNode(path, kind, newVerdict, newSummary, values, amount, children);
  }

  /** The node at a path in this subtree. */
  public Optional<TraceNode> find(String nodePath) {
    if (path.equals(nodePath)) {
      return Optional.of(this);
    }
    for (TraceNode c : children) {
      Optional<TraceNode> f = c.find(nodePath);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  /** Renders the subtree, one node a line, indented by depth. */
  void render(StringBuilder sb, String indent) {
    sb.append(indent).append(path).append(" [").append(kind).append("] ").append(verdict);
    sb.append(": ").append(summary).append('\n');
    for (TraceNode c : children) {
      c.render(sb, indent + "  ");
    }
  }
}
