package dev.amends.rules.json;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CarriedCredit;
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
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.joda.money.Money;
import tools.jackson.core.JsonGenerator;

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
  private static final Comparator<Money> BY_CODE = Comparator.comparing(m -> m.getCurrencyUnit().getCode());

  private DecisionJson() {}

  /**
   * The JSON Schema (draft 2020-12) of one line the {@link #writer(Writer) writer} writes (a
   * decided or rejected batch result; a {@link #toLine(CreditDecision) single decision} is a
   * decided one without {@code result} and {@code index}), every field described; as shipped in
   * this jar ({@code dev/amends/rules/json/records/decisions.schema.json}).
   *
   * @return the schema's JSON text, not null
   */
  public static String schema() {
    return Json.resource("records/decisions.schema.json");
  }

  /**
   * Money as decisions write it, {@code {"amount":"2.00","currency":"USD"}}: the amount a decimal
   * string at the currency's scale, for output written around decisions (such as {@code amends
   * diff}) in the same shape.
   *
   * @param money the money, not null
   * @return the JSON text, not null
   */
  public static String toJson(Money money) {
    return MoneyJson.text(Checks.notNull("money", money));
  }

  /**
   * A decision as one line of JSON, without the line end; as a batch result with index 0 would be,
   * without the {@code result} and {@code index} fields.
   *
   * @param decision the decision, not null
   * @return the JSON text, not null
   */
  public static String toLine(CreditDecision decision) {
    Checks.notNull("decision", decision);
    return write(g -> {
      g.writeStartObject();
      decision(decision, g, null);
      g.writeEndObject();
    });
  }

  /**
   * A batch result as one line of JSON, without the line end.
   *
   * @param result the result, not null
   * @return the JSON text, not null
   */
  public static String toLine(BatchResult result) {
    Checks.notNull("result", result);
    return write(g -> result(result, g, null));
  }

  /** A batch result as one JSON object; {@code repeated} null to write every value field by field. */
  private static void result(BatchResult result, JsonGenerator g, RepeatedText repeated) {
    g.writeStartObject();
    switch (result) {
      case BatchResult.Decided d -> {
        g.writeName(Quoted.RESULT);
        g.writeString(Quoted.DECIDED);
        g.writeName(Quoted.INDEX);
        g.writeNumber(d.index());
        decision(d.decision(), g, repeated);
      }
      case BatchResult.Rejected r -> {
        g.writeStringProperty("result", "rejected");
        g.writeNumberProperty("index", r.index());
        if (r.accountId().isPresent()) {
          g.writeStringProperty("accountId", r.accountId().get());
        }
        g.writeStringProperty("reason", r.reason());
        if (r.cause() instanceof InvalidInputException e) {
          g.writeObjectPropertyStart("error");
          g.writeStringProperty("field", e.field());
          g.writeStringProperty("rule", e.rule());
          g.writeStringProperty("value", e.value());
          g.writeEndObject();
        }
        if (r.isBug()) {
          g.writeBooleanProperty("bug", true);
        }
      }
    }
    g.writeEndObject();
  }

  /** Something written to a generator of the one mapper, as text. */
  private interface Body {
    void write(JsonGenerator g);
  }

  /**
   * The text a body writes: streamed by a generator of {@link Json#MAPPER}, with no tree in
   * between (the same generator and settings that serialised the tree before, so the same text).
   */
  private static String write(Body body) {
    StringWriter text = new StringWriter(1024);
    try (JsonGenerator g = Json.MAPPER.createGenerator(text)) {
      body.write(g);
    }
    return text.toString();
  }

  /**
   * A streaming writer of batch results, one a line, in the order given (a batch's order).
   *
   * @param out the characters, closed with the writer, not null
   * @return the writer, not null
   */
  public static RecordWriter<BatchResult> writer(Writer out) {
    RepeatedText repeated = new RepeatedText(); // the writer's own: used by its one thread
    return new RecordWriter<BatchResult>(Checks.notNull("out", out), (r, g) -> result(r, g, repeated));
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

  private static void decision(CreditDecision d, JsonGenerator g, RepeatedText repeated) {
    g.writeName(Quoted.ACCOUNT_ID);
    g.writeString(d.accountId());
    g.writeName(Quoted.PERIOD);
    if (repeated == null) {
      period(g, d.period());
    } else {
      g.writeRawValue(repeated.period(d.period(), p -> write(h -> period(h, p))));
    }
    g.writeName(Quoted.EVALUATED_AT);
    if (repeated == null) {
      g.writeString(d.evaluatedAt().toString());
    } else {
      g.writeRawValue(repeated.instant(d.evaluatedAt(), i -> write(h -> h.writeString(i.toString()))));
    }
    g.writeName(Quoted.LINES);
    g.writeStartArray();
    for (CreditLine l : d.lines()) {
      line(l, g, repeated);
    }
    g.writeEndArray();
    g.writeName(Quoted.TOTALS);
    g.writeStartArray();
    for (Money m : d.totals().size() < 2 ? d.totals().values() : d.totals().values().stream().sorted(BY_CODE).toList()) {
      money(g, m, repeated);
    }
    g.writeEndArray();
    g.writeName(Quoted.FLAGS);
    g.writeStartArray();
    for (var f : d.flags().size() < 2 ? d.flags() : d.flags().stream().sorted().toList()) {
      g.writeString(f.name());
    }
    g.writeEndArray();
    g.writeName(Quoted.WARNINGS);
    strings(g, d.warnings());
    g.writeName(Quoted.CARRIED_FORWARD);
    g.writeStartArray();
    for (CarriedCredit c : d.carriedForward()) {
      g.writeStartObject();
      g.writeStringProperty("subscriptionId", c.subscriptionId());
      g.writeStringProperty("policyId", c.policyId());
      g.writeStringProperty("capPath", c.capPath());
      g.writeName("amount");
      money(g, c.amount(), repeated);
      g.writeEndObject();
    }
    g.writeEndArray();
    if (d.traced()) {
      traces(d, g);
    }
  }

  /** An array of strings in their order. */
  private static void strings(JsonGenerator g, String name, Iterable<String> values) {
    g.writeName(name);
    strings(g, values);
  }

  /** An array of strings in their order, its name written already. */
  private static void strings(JsonGenerator g, Iterable<String> values) {
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** Money, rounded ({@link MoneyJson}); its text made once when {@code repeated} is not null. */
  private static void money(JsonGenerator g, Money m, RepeatedText repeated) {
    if (repeated == null) {
      MoneyJson.write(g, m);
    } else {
      g.writeRawValue(repeated.money(m, MoneyJson::text));
    }
  }

  /** The traces: per subscription and policy, the rule tree as judged, values typed and exact. */
  private static void traces(CreditDecision d, JsonGenerator g) {
    g.writeArrayPropertyStart("traces");
    for (SubscriptionTrace t : d.traces()) {
      g.writeStartObject();
      g.writeStringProperty("subscriptionId", t.subscriptionId());
      g.writeName(Quoted.POLICY);
      policy(g, t.policyId(), t.policyVersion(), t.policyDigest());
      // Since the trace's fee and measurement became optional (not computed when no rule needed
      // them), each is written only when present.
      if (t.fee().isPresent()) {
        g.writeName("fee");
        exact(g, t.fee().get().fee());
      }
      if (t.measurement().isPresent()) {
        Measurement m = t.measurement().get();
        g.writeObjectPropertyStart("measurement");
        g.writeStringProperty("downtime", m.downtime().toString());
        g.writeStringProperty("denominator", m.denominator().toString());
        g.writeStringProperty("availability", m.availability().toString());
        strings(g, "outageIds", m.outageIds());
        strings(g, "notes", m.notes());
        g.writeEndObject();
      }
      g.writeName("root");
      node(t.root(), g, 0);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void node(TraceNode n, JsonGenerator g, int depth) {
    g.writeStartObject();
    if (depth > Json.MAX_DEPTH / 2) {
      g.writeBooleanProperty("truncated", true); // deeper than a reader of this output would accept
      g.writeEndObject();
      return;
    }
    g.writeStringProperty("path", n.path());
    g.writeStringProperty("kind", n.kind());
    g.writeStringProperty("verdict", n.verdict().name());
    g.writeStringProperty("summary", n.summary());
    g.writeArrayPropertyStart("values");
    for (var e : n.values().entrySet()) {
      g.writeStartObject();
      g.writeStringProperty("name", e.getKey());
      value(g, e.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (n.amount().isPresent()) {
      g.writeName("amount");
      exact(g, n.amount().get());
    }
    g.writeArrayPropertyStart("children");
    for (TraceNode c : n.children()) {
      node(c, g, depth + 1);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, TraceValue v) {
    switch (v) {
      case TraceValue.Availability a -> typed(g, "availability", a.value().toString());
      case TraceValue.Amount a -> {
        g.writeStringProperty("type", "amount");
        g.writeName("value");
        exact(g, a.value());
      }
      case TraceValue.Length l -> typed(g, "length", l.value().toString());
      case TraceValue.Percent p -> typed(g, "percent", p.value().toPlainString());
      case TraceValue.Quantity q -> typed(g, "quantity", q.value().toPlainString());
      case TraceValue.Count c -> {
        g.writeStringProperty("type", "count");
        g.writeNumberProperty("value", c.value());
      }
      case TraceValue.Days days -> typed(g, "days", days.value().toString());
      case TraceValue.Text t -> typed(g, "text", t.value());
    }
    if (!(v instanceof TraceValue.Text)) {
      g.writeStringProperty("text", v.text());
    }
  }

  private static void typed(JsonGenerator g, String type, String value) {
    g.writeStringProperty("type", type);
    g.writeStringProperty("value", value);
  }

  /** An unrounded amount, exact ({@link MoneyJson}). */
  private static void exact(JsonGenerator g, ExactMoney money) {
    MoneyJson.write(g, money);
  }

  /** A policy object, its name written already. */
  private static void policy(JsonGenerator g, String id, int version, String digest) {
    g.writeStartObject();
    g.writeName(Quoted.ID);
    g.writeString(id);
    g.writeName(Quoted.VERSION);
    g.writeNumber(version);
    g.writeName(Quoted.DIGEST);
    g.writeString(digest);
    g.writeEndObject();
  }

  /** A period object, its name written already. */
  private static void period(JsonGenerator g, BillingPeriod p) {
    g.writeStartObject();
    g.writeName(Quoted.START);
    g.writeString(p.startDate().toString());
    g.writeName(Quoted.END);
    g.writeString(p.endDate().toString());
    g.writeName(Quoted.ZONE);
    g.writeString(p.zone().getId());
    g.writeName(Quoted.MONTHS);
    g.writeNumber(p.months());
    g.writeEndObject();
  }

  private static void line(CreditLine l, JsonGenerator g, RepeatedText repeated) {
    g.writeStartObject();
    g.writeName(Quoted.KEY);
    g.writeString(l.key());
    g.writeName(Quoted.KIND);
    g.writeString(l.kind().name());
    g.writeName(Quoted.AMOUNT);
    money(g, l.amount(), repeated);
    if (l.days().isPresent()) {
      g.writeStringProperty("days", l.days().get().toString());
    }
    if (l.extendsTermTo().isPresent()) {
      g.writeStringProperty("extendsTermTo", l.extendsTermTo().get().toString());
    }
    g.writeName(Quoted.SUBSCRIPTION_ID);
    g.writeString(l.subscriptionId());
    g.writeName(Quoted.POLICY);
    if (repeated == null) {
      policy(g, l.policyId(), l.policyVersion(), l.policyDigest());
    } else {
      g.writeRawValue(repeated.policy(l.policyId(), l.policyVersion(), l.policyDigest(),
          r -> write(h -> policy(h, r.id(), r.version(), r.digest()))));
    }
    g.writeName(Quoted.RULE_PATH);
    g.writeString(l.rulePath());
    g.writeName(Quoted.OUTAGE_IDS);
    strings(g, l.outageIds());
    g.writeName(Quoted.REASON);
    g.writeString(l.reason());
    g.writeEndObject();
  }
}
