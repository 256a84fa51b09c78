package dev.amends.rules.json;

import static dev.amends.rules.json.RecordCodec.money;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.SubscriptionTrace;
import dev.amends.rules.TraceNode;
import dev.amends.rules.TraceValue;
import java.util.Comparator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tree writer {@link DecisionJson} used before it wrote with a streaming generator, kept as
 * the reference its output is compared with: a JSON tree per decision, then serialised.
 */
public final class TreeDecisionJson {
  private TreeDecisionJson() {}

  /**
   * A decision as one line of JSON, without the line end; as a batch result with index 0 would be,
   * without the {@code result} and {@code index} fields.
   *
   * @param decision the decision, not null
   * @return the JSON text, not null
   */
  public static String toLine(CreditDecision decision) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    decision(Checks.notNull("decision", decision), out);
    return Json.MAPPER.writeValueAsString(out);
  }

  /**
   * A batch result as one line of JSON, without the line end.
   *
   * @param result the result, not null
   * @return the JSON text, not null
   */
  public static String toLine(BatchResult result) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    switch (Checks.notNull("result", result)) {
      case BatchResult.Decided d -> {
        out.put("result", "decided");
        out.put("index", d.index());
        decision(d.decision(), out);
      }
      case BatchResult.Rejected r -> {
        out.put("result", "rejected");
        out.put("index", r.index());
        r.accountId().ifPresent(id -> out.put("accountId", id));
        out.put("reason", r.reason());
        if (r.cause() instanceof InvalidInputException e) {
          out.putObject("error").put("field", e.field()).put("rule", e.rule()).put("value", e.value());
        }
        if (r.isBug()) {
          out.put("bug", true);
        }
      }
    }
    return Json.MAPPER.writeValueAsString(out);
  }

  private static void decision(CreditDecision d, ObjectNode out) {
    out.put("accountId", d.accountId());
    period(out, d.period());
    out.put("evaluatedAt", d.evaluatedAt().toString());
    ArrayNode lines = out.putArray("lines");
    d.lines().forEach(l -> line(l, lines.addObject()));
    ArrayNode totals = out.putArray("totals");
    d.totals().values().stream().sorted(Comparator.comparing(m -> m.getCurrencyUnit().getCode()))
        .forEach(m -> money(totals.addObject(), m));
    ArrayNode flags = out.putArray("flags");
    d.flags().stream().sorted().forEach(f -> flags.add(f.name()));
    ArrayNode warnings = out.putArray("warnings");
    d.warnings().forEach(warnings::add);
    ArrayNode carried = out.putArray("carriedForward");
    d.carriedForward().forEach(c -> RecordCodecs.carried(c, carried.addObject()));
    if (d.traced()) {
      traces(d, out);
    }
  }

  /** The traces: per subscription and policy, the rule tree as judged, values typed and exact. */
  private static void traces(CreditDecision d, ObjectNode out) {
    ArrayNode traces = out.putArray("traces");
    for (SubscriptionTrace t : d.traces()) {
      ObjectNode o = traces.addObject();
      o.put("subscriptionId", t.subscriptionId());
      o.putObject("policy").put("id", t.policyId()).put("version", t.policyVersion()).put("digest", t.policyDigest());
      // Since the trace's fee and measurement became optional (not computed when no rule needed
      // them), each is written only when present.
      t.fee().ifPresent(f -> exact(o.putObject("fee"), f.fee()));
      if (t.measurement().isPresent()) {
        Measurement m = t.measurement().get();
        ObjectNode mo = o.putObject("measurement");
        mo.put("downtime", m.downtime().toString()).put("denominator", m.denominator().toString())
            .put("availability", m.availability().toString());
        ArrayNode outages = mo.putArray("outageIds");
        m.outageIds().forEach(outages::add);
        ArrayNode notes = mo.putArray("notes");
        m.notes().forEach(notes::add);
      }
      node(t.root(), o.putObject("root"), 0);
    }
  }

  private static void node(TraceNode n, ObjectNode out, int depth) {
    if (depth > Json.MAX_DEPTH / 2) {
      out.put("truncated", true); // deeper than a reader of this output would accept
      return;
    }
    out.put("path", n.path());
    out.put("kind", n.kind());
    out.put("verdict", n.verdict().name());
    out.put("summary", n.summary());
    ArrayNode values = out.putArray("values");
    n.values().forEach((name, v) -> value(values.addObject().put("name", name), v));
    n.amount().ifPresent(a -> exact(out.putObject("amount"), a));
    ArrayNode children = out.putArray("children");
    n.children().forEach(c -> node(c, children.addObject(), depth + 1));
  }

  private static void value(ObjectNode out, TraceValue v) {
    switch (v) {
      case TraceValue.Availability a -> out.put("type", "availability").put("value", a.value().toString());
      case TraceValue.Amount a -> exact(out.put("type", "amount").putObject("value"), a.value());
      case TraceValue.Length l -> out.put("type", "length").put("value", l.value().toString());
      case TraceValue.Percent p -> out.put("type", "percent").put("value", p.value().toPlainString());
      case TraceValue.Quantity q -> out.put("type", "quantity").put("value", q.value().toPlainString());
      case TraceValue.Count c -> out.put("type", "count").put("value", c.value());
      case TraceValue.Days days -> out.put("type", "days").put("value", days.value().toString());
      case TraceValue.Text t -> out.put("type", "text").put("value", t.value());
    }
    if (!(v instanceof TraceValue.Text)) {
      out.put("text", v.text());
    }
  }

  /** An unrounded amount: {@code {"amount": "21/2", "currency": "USD"}}, the amount an exact ratio. */
  private static void exact(ObjectNode out, ExactMoney money) {
    out.put("amount", money.amount().toString()).put("currency", money.currency().getCode());
  }

  private static void period(ObjectNode out, BillingPeriod p) {
    out.putObject("period").put("start", p.startDate().toString()).put("end", p.endDate().toString())
        .put("zone", p.zone().getId()).put("months", p.months());
  }

  private static void line(CreditLine l, ObjectNode out) {
    out.put("key", l.key());
    out.put("kind", l.kind().name());
    money(out, "amount", l.amount());
    l.days().ifPresent(days -> RecordCodec.ratio(out, "days", days));
    l.extendsTermTo().ifPresent(t -> out.put("extendsTermTo", t.toString()));
    out.put("subscriptionId", l.subscriptionId());
    out.putObject("policy").put("id", l.policyId()).put("version", l.policyVersion()).put("digest", l.policyDigest());
    out.put("rulePath", l.rulePath());
    ArrayNode outages = out.putArray("outageIds");
    l.outageIds().forEach(outages::add);
    out.put("reason", l.reason());
  }
}
