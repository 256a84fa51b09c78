package dev.amends.rules.json;

import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CarriedCredit;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionFlag;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import org.joda.money.Money;

/**
 * Batch results as {@link DecisionJson#writer(java.io.OutputStream) DecisionJson's} NDJSON bytes,
 * written straight into a byte buffer: the same text as {@link DecisionJson#toLine(BatchResult)}
 * encoded as UTF-8, without a generator or a character encoder in between. A decided result
 * without traces whose strings are all plain (printable ASCII needing no escape, as in a fleet's
 * ids, keys and reasons) is written here, field by field in {@code DecisionJson}'s order; any
 * other result (rejected, traced, or with a string to escape or encode) is rewound and written as
 * Jackson writes it, so every escape is Jackson's. {@code DecisionBytesTest} holds the two to the
 * same bytes.
 *
 * <p>Thread-safe (no state).
 */
final class DecisionBytes {
  private DecisionBytes() {}

  private static final Comparator<Money> BY_CODE = Comparator.comparing(m -> m.getCurrencyUnit().getCode());

  private static final byte[] DECIDED_INDEX = ascii("{\"result\":\"decided\",\"index\":");
  private static final byte[] ACCOUNT_ID = ascii(",\"accountId\":");
  private static final byte[] PERIOD_START = ascii(",\"period\":{\"start\":");
  private static final byte[] END = ascii(",\"end\":");
  private static final byte[] ZONE = ascii(",\"zone\":");
  private static final byte[] MONTHS = ascii(",\"months\":");
  private static final byte[] EVALUATED_AT = ascii("},\"evaluatedAt\":");
  private static final byte[] LINES = ascii(",\"lines\":[");
  private static final byte[] KEY = ascii("{\"key\":");
  private static final byte[] KIND = ascii(",\"kind\":");
  private static final byte[] AMOUNT = ascii(",\"amount\":");
  private static final byte[] DAYS = ascii(",\"days\":");
  private static final byte[] EXTENDS_TERM_TO = ascii(",\"extendsTermTo\":");
  private static final byte[] SUBSCRIPTION_ID = ascii(",\"subscriptionId\":");
  private static final byte[] POLICY_ID = ascii(",\"policy\":{\"id\":");
  private static final byte[] VERSION = ascii(",\"version\":");
  private static final byte[] DIGEST = ascii(",\"digest\":");
  private static final byte[] RULE_PATH = ascii("},\"rulePath\":");
  private static final byte[] OUTAGE_IDS = ascii(",\"outageIds\":[");
  private static final byte[] REASON = ascii("],\"reason\":");
  private static final byte[] TOTALS = ascii("],\"totals\":[");
  private static final byte[] FLAGS = ascii("],\"flags\":[");
  private static final byte[] WARNINGS = ascii("],\"warnings\":[");
  private static final byte[] CARRIED_FORWARD = ascii("],\"carriedForward\":[");
  private static final byte[] CARRIED_SUBSCRIPTION_ID = ascii("{\"subscriptionId\":");
  private static final byte[] POLICY_ID_FIELD = ascii(",\"policyId\":");
  private static final byte[] CAP_PATH = ascii(",\"capPath\":");
  private static final byte[] MONEY_AMOUNT = ascii("{\"amount\":");
  private static final byte[] CURRENCY = ascii(",\"currency\":");
  private static final byte[] END_ARRAY_OBJECT = ascii("]}");

  /** Writes one result as one line. */
  static void write(BatchResult result, Utf8Lines out) {
    out.begin();
    if (!(result instanceof BatchResult.Decided d) || d.decision().traced() || !decided(d, out)) {
      out.rewind();
      out.text(DecisionJson.toLine(result));
    }
    out.end();
  }

  /** A decision's line, its strings plain; false (part written) at the first that is not. */
  private static boolean decided(BatchResult.Decided result, Utf8Lines out) {
    CreditDecision d = result.decision();
    out.raw(DECIDED_INDEX);
    out.number(result.index());
    out.raw(ACCOUNT_ID);
    if (!out.string(d.accountId())) {
      return false;
    }
    BillingPeriod p = d.period();
    out.raw(PERIOD_START);
    if (!out.string(p.startDate().toString())) {
      return false;
    }
    out.raw(END);
    if (!out.string(p.endDate().toString())) {
      return false;
    }
    out.raw(ZONE);
    if (!out.string(p.zone().getId())) {
      return false;
    }
    out.raw(MONTHS);
    out.number(p.months());
    out.raw(EVALUATED_AT);
    if (!out.string(d.evaluatedAt().toString())) {
      return false;
    }
    out.raw(LINES);
    boolean first = true;
    for (CreditLine l : d.lines()) {
      if (!first) {
        out.raw(',');
      }
      first = false;
      if (!line(l, out)) {
        return false;
      }
    }
    out.raw(TOTALS);
    Collection<Money> totals = d.totals().size() < 2 ? d.totals().values()
        : d.totals().values().stream().sorted(BY_CODE).toList();
    first = true;
    for (Money m : totals) {
      if (!first) {
        out.raw(',');
      }
      first = false;
      if (!money(m, out)) {
        return false;
      }
    }
    out.raw(FLAGS);
    first = true;
    for (DecisionFlag f : d.flags().size() < 2 ? d.flags() : d.flags().stream().sorted().toList()) {
      if (!first) {
        out.raw(',');
      }
      first = false;
      if (!out.string(f.name())) {
        return false;
      }
    }
    out.raw(WARNINGS);
    if (!strings(d.warnings(), out)) {
      return false;
    }
    out.raw(CARRIED_FORWARD);
    first = true;
    for (CarriedCredit c : d.carriedForward()) {
      if (!first) {
        out.raw(',');
      }
      first = false;
      out.raw(CARRIED_SUBSCRIPTION_ID);
      if (!out.string(c.subscriptionId())) {
        return false;
      }
      out.raw(POLICY_ID_FIELD);
      if (!out.string(c.policyId())) {
        return false;
      }
      out.raw(CAP_PATH);
      if (!out.string(c.capPath())) {
        return false;
      }
      out.raw(AMOUNT);
      if (!money(c.amount(), out)) {
        return false;
      }
      out.raw('}');
    }
    out.raw(END_ARRAY_OBJECT);
    return true;
  }

  private static boolean line(CreditLine l, Utf8Lines out) {
    out.raw(KEY);
    if (!out.string(l.key())) {
      return false;
    }
    out.raw(KIND);
    if (!out.string(l.kind().name())) {
      return false;
    }
    out.raw(AMOUNT);
    if (!money(l.amount(), out)) {
      return false;
    }
    if (l.days().isPresent()) {
      out.raw(DAYS);
      if (!out.string(l.days().get().toString())) {
        return false;
      }
    }
    if (l.extendsTermTo().isPresent()) {
      out.raw(EXTENDS_TERM_TO);
      if (!out.string(l.extendsTermTo().get().toString())) {
        return false;
      }
    }
    out.raw(SUBSCRIPTION_ID);
    if (!out.string(l.subscriptionId())) {
      return false;
    }
    out.raw(POLICY_ID);
    if (!out.string(l.policyId())) {
      return false;
    }
    out.raw(VERSION);
    out.number(l.policyVersion());
    out.raw(DIGEST);
    if (!out.string(l.policyDigest())) {
      return false;
    }
    out.raw(RULE_PATH);
    if (!out.string(l.rulePath())) {
      return false;
    }
    out.raw(OUTAGE_IDS);
    if (!strings(l.outageIds(), out)) {
      return false;
    }
    out.raw(REASON);
    if (!out.string(l.reason())) {
      return false;
    }
    out.raw('}');
    return true;
  }

  /** The strings of an array, without its brackets; false at the first that is not plain. */
  private static boolean strings(Iterable<String> values, Utf8Lines out) {
    boolean first = true;
    for (String v : values) {
      if (!first) {
        out.raw(',');
      }
      first = false;
      if (!out.string(v)) {
        return false;
      }
    }
    return true;
  }

  /** Money as {@link MoneyJson#write(tools.jackson.core.JsonGenerator, Money)} writes it; false if a string is not plain. */
  private static boolean money(Money m, Utf8Lines out) {
    out.raw(MONEY_AMOUNT);
    if (!out.string(m.getAmount().toPlainString())) {
      return false;
    }
    out.raw(CURRENCY);
    if (!out.string(m.getCurrencyUnit().getCode())) {
      return false;
    }
    out.raw('}');
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
