package dev.amends.cli;

import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.json.DecisionJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.joda.money.Money;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** Where {@code amends diff} writes: readable text, or NDJSON. Written as the accounts are compared. */
abstract class DiffWriter implements AutoCloseable {
  /** The counts at the end. */
  record Counts(long read, long compared, long changed, long unchanged, long rejected) {}

  final Writer out;
  private final boolean close;

  DiffWriter(Writer out, boolean close) {
    this.out = out;
    this.close = close;
  }

  /** A changed account: its decisions before and after, made with traces, and the lines that changed. */
  abstract void changed(long index, CreditDecision before, CreditDecision after, List<PolicyDiff.Change> changes);

  /** An account that one side or both could not decide. */
  abstract void rejected(long index, BatchResult before, BatchResult after);

  /** The counts and the totals per currency, at the end. */
  abstract void summary(Counts counts, List<PolicyDiff.Total> totals);

  final void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (close) {
      out.close();
    } else {
      out.flush();
    }
  }

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
   * results, and a last {@code "diff":"summary"}.
   */
  static final class Ndjson extends DiffWriter {
    private static final JsonFactory JSON = new JsonFactory();

    Ndjson(Writer out, boolean close) {
      super(out, close);
    }

    @Override
    void changed(long index, CreditDecision b, CreditDecision a, List<PolicyDiff.Change> changes) {
      line(g -> {
        g.writeStringProperty("diff", "changed");
        g.writeNumberProperty("index", index);
        g.writeStringProperty("accountId", a.accountId());
        g.writeName("changes");
        g.writeStartArray();
        for (PolicyDiff.Change c : changes) {
          g.writeStartObject();
          g.writeStringProperty("subscriptionId", c.id().subscriptionId());
          g.writeStringProperty("rulePath", c.id().rulePath());
          g.writeStringProperty("kind", c.id().kind().name());
          money(g, "before", c.before().map(CreditLine::amount));
          money(g, "after", c.after().map(CreditLine::amount));
          money(g, "change", Optional.of(c.delta()));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("before");
        g.writeRawValue(DecisionJson.toLine(b));
        g.writeName("after");
        g.writeRawValue(DecisionJson.toLine(a));
      });
    }

    @Override
    void rejected(long index, BatchResult b, BatchResult a) {
      line(g -> {
        g.writeStringProperty("diff", "rejected");
        g.writeNumberProperty("index", index);
        g.writeStringProperty("accountId", b.accountId().or(a::accountId).orElse(null));
        g.writeName("before");
        g.writeRawValue(DecisionJson.toLine(b));
        g.writeName("after");
        g.writeRawValue(DecisionJson.toLine(a));
      });
    }

    @Override
    void summary(Counts c, List<PolicyDiff.Total> totals) {
      line(g -> {
        g.writeStringProperty("diff", "summary");
        g.writeNumberProperty("accountsRead", c.read());
        g.writeNumberProperty("compared", c.compared());
        g.writeNumberProperty("changed", c.changed());
        g.writeNumberProperty("unchanged", c.unchanged());
        g.writeNumberProperty("rejected", c.rejected());
        g.writeName("totals");
        g.writeStartArray();
        for (PolicyDiff.Total t : totals) {
          g.writeStartObject();
          g.writeStringProperty("currency", t.currency().getCode());
          g.writeStringProperty("before", t.before().getAmount().toPlainString());
          g.writeStringProperty("after", t.after().getAmount().toPlainString());
          g.writeStringProperty("change", t.change().getAmount().toPlainString());
          g.writeEndObject();
        }
        g.writeEndArray();
      });
    }

    /** Money as DecisionJson writes it, or null. */
    private static void money(JsonGenerator g, String name, Optional<Money> m) {
      g.writeName(name);
      if (m.isEmpty()) {
        g.writeNull();
        return;
      }
      g.writeStartObject();
      g.writeStringProperty("amount", m.get().getAmount().toPlainString());
      g.writeStringProperty("currency", m.get().getCurrencyUnit().getCode());
      g.writeEndObject();
    }

    private void line(java.util.function.Consumer<JsonGenerator> fields) {
      StringWriter s = new StringWriter();
      try (JsonGenerator g = JSON.createGenerator(s)) {
        g.writeStartObject();
        fields.accept(g);
        g.writeEndObject();
      }
      write(s.append('\n').toString());
    }
  }
}
