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
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.SubscriptionTrace;
import dev.amends.rules.TraceNode;
import dev.amends.rules.TraceValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decisions as JSON, one object a line: deterministic and diff-friendly, for files, queues and
 * golden tests. The same decision always gives the same text: fields in a fixed order, totals
 * sorted by currency code, flags in their declared order, lines, warnings and outage ids in the
 * decision's order; money as {@code {"amount": "2.00", "currency": "USD"}}, the amount a string at
 * the currency's scale; days of service as an exact ratio {@code "n/d"}.
 *
 * <p>A decided request (a line wrapped here):
 *
 * <pre>{@code
 * {"result":"decided","index":0,"accountId":"acct-c2",
 *  "period":{"start":"2007-12-01","end":"2008-01-01","zone":"America/New_York","months":1},
 *  "evaluatedAt":"2008-01-01T05:00:00Z",
 *  "lines":[{"key":"cr-…","kind":"CREDIT","amount":{"amount":"2.00","currency":"USD"},
 *    "subscriptionId":"sub-c2","policy":{"id":"grid-sla","version":1,"digest":"…"},
 *    "rulePath":"sla","outageIds":["MAINT-2007-12-01"],"reason":"…"}],
 *  "totals":[{"amount":"2.00","currency":"USD"}],"flags":[],"warnings":[],"carriedForward":[]}
 * }</pre>
 *
 * <p>A rejected request: {@code {"result":"rejected","index":3,"accountId":"acct-9","reason":"…",
 * "error":{"field":"…","rule":"…","value":"…"}}}, with {@code "bug":true} when the cause was not
 * bad input but a failure in Amends or a user's rule.
 *
 * <p>A decision made with traces ({@link CreditDecision#traced()}) ends with {@code "traces"}: per
 * subscription and policy, the fee and the measurement (downtime and denominator as ISO-8601
 * durations, availability as an exact ratio, outage ids, notes) and the rule tree, each node with
 * its path, kind, verdict, summary, typed values ({@code {"name": "availability", "type":
 * "availability", "value": "737/744", "text": "99.0591 %"}}), unrounded amount and children.
 * Unrounded amounts are exact: {@code {"amount": "21/2", "currency": "USD"}}. An engine built
 * with traces off gives decisions without them, and shorter lines.
 *
 * <p>Thread-safe.
 */
public final class DecisionJson {
  private DecisionJson() {}

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

  /**
   * A streaming writer of batch results, one a line, in the order given (a batch's order).
   *
   * @param out the characters, closed with the writer, not null
   * @return the writer, not null
   */
  public static RecordWriter<BatchResult> writer(Writer out) {
    return new RecordWriter<>(Checks.notNull("out", out), DecisionJson::toLine);
  }

  /**
   * A buffered streaming writer of batch results to UTF-8 bytes.
   *
   * @param out the bytes, closed with the writer, not null
   * @return the writer, not null
   */
  public static RecordWriter<BatchResult> writer(OutputStream out) {
    return writer(RecordFormat.utf8(out));
  }

  /**
   * A reader of decisions as the credits they issued, for a re-run: each line of an earlier run's
   * output (as {@link #writer(Writer)} or {@link #toLine(CreditDecision)} wrote it, traces or not)
   * gives every credit line of the decision as an {@link IssuedCredit} with the decision's account
   * and the first day of its period, in the decision's order: credits, top-ups and clawbacks
   * alike, amounts signed. A rejected result, or a decision with no lines, gives an empty list. A
   * line that is not a decision is rejected with its line number and the problem, as the {@link
   * RecordFormat} readers do. Only the fields issuing needs are checked closely; totals, flags,
   * warnings, reasons and traces are allowed and not read.
   *
   * <pre>{@code
   * try (var in = DecisionJson.issuedReader(Path.of("december.ndjson"))) {
   *   while (in.hasNext()) {
   *     switch (in.next()) {
   *       case RecordLine.Accepted<List<AccountRecord<IssuedCredit>>> a -> issued.addAll(a.record());
   *       case RecordLine.Rejected<List<AccountRecord<IssuedCredit>>> r -> System.err.println(r.problem().getMessage());
   *     }
   *   }
   * }
   * }</pre>
   *
   * @param in the characters, closed with the reader, not null
   * @param source the stream's name in rejections, such as {@code december.ndjson}, not null
   * @return the reader, not null
   */
  public static RecordReader<List<AccountRecord<IssuedCredit>>> issuedReader(Reader in, String source) {
    return new RecordReader<>(LineSource.of(Checks.notNull("in", in), Json.MAX_LINE_LENGTH),
        IssuedFromDecisions.INSTANCE, Checks.notNull("source", source));
  }

  /**
   * As {@link #issuedReader(Reader, String)}, of UTF-8 bytes; a line that is not UTF-8 is rejected.
   *
   * @param in the bytes, closed with the reader, not null
   * @param source the stream's name in rejections, not null
   * @return the reader, not null
   */
  public static RecordReader<List<AccountRecord<IssuedCredit>>> issuedReader(InputStream in, String source) {
    return new RecordReader<>(LineSource.of(Checks.notNull("in", in), Json.MAX_LINE_LENGTH),
        IssuedFromDecisions.INSTANCE, Checks.notNull("source", source));
  }

  /**
   * As {@link #issuedReader(Reader, String)}, of a UTF-8 file named in rejections by its file name.
   *
   * @param file the file, not null
   * @return the reader, not null
   * @throws IOException if the file cannot be opened
   */
  public static RecordReader<List<AccountRecord<IssuedCredit>>> issuedReader(Path file) throws IOException {
    Checks.notNull("file", file);
    return issuedReader(Files.newInputStream(file), String.valueOf(file.getFileName()));
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
