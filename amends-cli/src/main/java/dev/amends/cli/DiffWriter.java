package dev.amends.cli;

import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.json.DecisionJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.joda.money.Money;

/** Where {@code amends diff} writes: readable text, or NDJSON. Written as the accounts are compared. */
abstract class DiffWriter extends TextOut {
  /** The counts at the end. */
  record Counts(long read, long compared, long changed, long unchanged, long rejected) {}

  DiffWriter(Writer out, boolean close) {
    super(out, close);
  }

  /** A changed account: its decisions before and after, made with traces, and the lines that changed. */
  abstract void changed(long index, CreditDecision before, CreditDecision after, List<PolicyDiff.Change> changes);

  /** An account that one side or both could not decide. */
  abstract void rejected(long index, BatchResult before, BatchResult after);

  /** The counts and the totals per currency, at the end. */
  abstract void summary(Counts counts, List<PolicyDiff.Total> totals);

  /** A money change with its sign: {@code USD +1.00}, {@code USD -0.50}, {@code USD 0.00}. */
  static String signed(Money m) {
    return m.getCurrencyUnit() + " " + (m.isPositive() ? "+" : "") + m.getAmount().toPlainString();
  }

  /** The text summary. */
  static void printSummary(PrintWriter w, Counts c, List<PolicyDiff.Total> totals) {
    w.println("Summary");
    w.println(String.format("%-24s %14d", "accounts read", c.read()));
    w.println(String.format("%-24s %14d", "compared", c.compared()));
    w.println(String.format("%-24s %14d", "  changed", c.changed()));
    w.println(String.format("%-24s %14d", "  unchanged", c.unchanged()));
    w.println(String.format("%-24s %14d", "rejected", c.rejected()));
    w.println(String.format("%-24s %14s %14s %14s", "Credits per currency", "before", "after", "change"));
    if (totals.isEmpty()) {
      w.println("  none");
    }
    for (PolicyDiff.Total t : totals) {
      w.println(String.format("%-24s %14s %14s %14s", "  " + t.currency(), t.before().getAmount().toPlainString(),
          t.after().getAmount().toPlainString(), signed(t.change()).substring(4)));
    }
    w.flush();
  }

  /** Readable text, like {@code explain}: the changes, then both explanations, indented. */
  static final class Text extends DiffWriter {
    private final String before;
    private final String after;

    Text(Writer out, boolean close, String beforeLabel, String afterLabel) {
      super(out, close);
      this.before = beforeLabel;
      this.after = afterLabel;
    }

    @Override
    void changed(long index, CreditDecision b, CreditDecision a, List<PolicyDiff.Change> changes) {
      StringBuilder sb = new StringBuilder();
      sb.append("Account ").append(a.accountId()).append(": ").append(changes.size())
          .append(changes.size() == 1 ? " line changes\n" : " lines change\n");
      for (PolicyDiff.Change c : changes) {
        PolicyDiff.LineId id = c.id();
        sb.append("  ").append(id.subscriptionId()).append(' ').append(id.rulePath()).append(' ').append(id.kind())
            .append(": ").append(c.before().map(l -> l.amount().toString()).orElse("none")).append(" -> ")
            .append(c.after().map(l -> l.amount().toString()).orElse("none")).append(" (")
            .append(signed(c.delta())).append(")\n");
        c.before().ifPresent(l -> sb.append("    before: ").append(l.describe()).append('\n'));
        c.after().ifPresent(l -> sb.append("    after:  ").append(l.describe()).append('\n'));
      }
      sb.append("  Before (").append(before).append("):\n");
      indent(sb, b.explain());
      sb.append("  After (").append(after).append("):\n");
      indent(sb, a.explain());
      sb.append('\n');
      write(sb.toString());
    }

    private static void indent(StringBuilder sb, String text) {
      text.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
    }

    @Override
    void rejected(long index, BatchResult b, BatchResult a) {
      // reported on standard error as met, like credit's rejections
    }

    @Override
    void summary(Counts counts, List<PolicyDiff.Total> totals) {
      StringWriter s = new StringWriter();
      printSummary(new PrintWriter(s), counts, totals);
      write(s.toString());
    }
  }

  /**
   * One JSON object a line: {@code "diff":"changed"} with the changes and both decisions as
   * {@link DecisionJson} writes them (with their traces), {@code "diff":"rejected"} with both
   * results, and a last {@code "diff":"summary"}. The decisions are DecisionJson's own text; the
   * few fields around them are written here, so that only {@code dev.amends.rules.json} uses
   * Jackson.
   */
  static final class Ndjson extends DiffWriter {
    Ndjson(Writer out, boolean close) {
      super(out, close);
    }

    @Override
    void changed(long index, CreditDecision b, CreditDecision a, List<PolicyDiff.Change> changes) {
      StringBuilder sb = new StringBuilder();
      sb.append("{\"diff\":\"changed\",\"index\":").append(index).append(",\"accountId\":");
      string(sb, a.accountId());
      sb.append(",\"changes\":[");
      for (int i = 0; i < changes.size(); i++) {
        PolicyDiff.Change c = changes.get(i);
        sb.append(i == 0 ? "{" : ",{").append("\"subscriptionId\":");
        string(sb, c.id().subscriptionId());
        sb.append(",\"rulePath\":");
        string(sb, c.id().rulePath());
        sb.append(",\"kind\":\"").append(c.id().kind().name()).append('"');
        money(sb, "before", c.before().map(CreditLine::amount));
        money(sb, "after", c.after().map(CreditLine::amount));
        money(sb, "change", Optional.of(c.delta()));
        sb.append('}');
      }
      sb.append("],\"before\":").append(DecisionJson.toLine(b)).append(",\"after\":").append(DecisionJson.toLine(a))
          .append("}\n");
      write(sb.toString());
    }

    @Override
    void rejected(long index, BatchResult b, BatchResult a) {
      StringBuilder sb = new StringBuilder();
      sb.append("{\"diff\":\"rejected\",\"index\":").append(index).append(",\"accountId\":");
      Optional<String> id = b.accountId().or(a::accountId);
      if (id.isPresent()) {
        string(sb, id.get());
      } else {
        sb.append("null");
      }
      sb.append(",\"before\":").append(DecisionJson.toLine(b)).append(",\"after\":").append(DecisionJson.toLine(a))
          .append("}\n");
      write(sb.toString());
    }

    @Override
    void summary(Counts c, List<PolicyDiff.Total> totals) {
      StringBuilder sb = new StringBuilder();
      sb.append("{\"diff\":\"summary\",\"accountsRead\":").append(c.read()).append(",\"compared\":").append(c.compared())
          .append(",\"changed\":").append(c.changed()).append(",\"unchanged\":").append(c.unchanged())
          .append(",\"rejected\":").append(c.rejected()).append(",\"totals\":[");
      for (int i = 0; i < totals.size(); i++) {
        PolicyDiff.Total t = totals.get(i);
        sb.append(i == 0 ? "{" : ",{").append("\"currency\":\"").append(t.currency().getCode())
            .append("\",\"before\":\"").append(t.before().getAmount().toPlainString())
            .append("\",\"after\":\"").append(t.after().getAmount().toPlainString())
            .append("\",\"change\":\"").append(t.change().getAmount().toPlainString()).append("\"}");
      }
      sb.append("]}\n");
      write(sb.toString());
    }

    /** Money as DecisionJson writes it, or null. */
    private static void money(StringBuilder sb, String name, Optional<Money> m) {
      sb.append(",\"").append(name).append("\":").append(m.isEmpty() ? "null" : DecisionJson.toJson(m.get()));
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped. */
    static void string(StringBuilder sb, String s) {
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        switch (ch) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          default -> {
            if (ch < 0x20) {
              sb.append(String.format("\\u%04x", (int) ch));
            } else {
              sb.append(ch);
            }
          }
        }
      }
      sb.append('"');
    }
  }
}
