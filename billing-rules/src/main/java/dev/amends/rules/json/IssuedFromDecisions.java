package dev.amends.rules.json;

import dev.amends.core.money.Ratio;
import dev.amends.rules.CreditLine;
import dev.amends.rules.IssuedCredit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.joda.money.Money;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a line of {@link DecisionJson} output back as the credits it issued: every credit line of
 * a decided result, for the decision's account and period; nothing for a rejected result. Only
 * what issuing needs is checked closely (the account, the period's start, each line's key, kind,
 * amount, days, subscription, policy id and rule path); the other fields a decision line has are
 * allowed and not read, traces included. Read-only: decisions are written by {@link
 * DecisionJson#toLine(dev.amends.rules.BatchResult)}.
 */
final class IssuedFromDecisions implements RecordCodec<List<AccountRecord<IssuedCredit>>> {
  static final IssuedFromDecisions INSTANCE = new IssuedFromDecisions();

  private static final Set<String> DECIDED = Set.of("result", "index", "accountId", "period", "evaluatedAt", "lines",
      "totals", "flags", "warnings", "carriedForward", "traces");
  private static final Set<String> REJECTED = Set.of("result", "index", "accountId", "reason", "error", "bug");
  private static final Set<String> PERIOD = Set.of("start", "end", "zone", "months");
  private static final Set<String> LINE = Set.of("key", "kind", "amount", "days", "extendsTermTo", "subscriptionId",
      "policy", "rulePath", "outageIds", "reason");
  private static final Set<String> POLICY = Set.of("id", "version", "digest");

  private IssuedFromDecisions() {}

  @Override
  public List<AccountRecord<IssuedCredit>> read(RecordFields f) {
    int before = f.problemCount();
    // A line of DecisionJson.toLine(CreditDecision) has no "result": it is a decision.
    String result = f.has("result") ? f.text("result") : "decided";
    if (result == null) {
      return null;
    }
    switch (result) {
      case "rejected" -> {
        f.allowOnly(REJECTED);
        return f.build(before, List::of); // a rejected request issued nothing
      }
      case "decided" -> { }
      default -> {
        f.problem("result", "is neither \"decided\" nor \"rejected\"");
        return null;
      }
    }
    f.allowOnly(DECIDED);
    String account = f.text("accountId");
    RecordFields period = f.object("period");
    LocalDate start = null;
    if (period != null) {
      period.allowOnly(PERIOD);
      start = period.date("start");
    }
    List<IssuedCredit> credits = new ArrayList<>();
    for (RecordFields line : f.objects("lines")) {
      IssuedCredit c = line(line);
      if (c != null) {
        credits.add(c);
      }
    }
    Optional<LocalDate> periodStart = Optional.ofNullable(start);
    return f.build(before, () -> credits.stream()
        .map(c -> new AccountRecord<>(account, periodStart, c)).toList());
  }

  private static IssuedCredit line(RecordFields l) {
    int before = l.problemCount();
    l.allowOnly(LINE);
    String key = l.text("key");
    l.enumValue("kind", CreditLine.Kind.class); // checked, not kept: the amount carries the sign
    Money amount = l.money("amount");
    Optional<Ratio> days = l.optionalRatio("days");
    String sub = l.text("subscriptionId");
    RecordFields policy = l.object("policy");
    String policyId = null;
    if (policy != null) {
      policy.allowOnly(POLICY);
      policyId = policy.text("id");
    }
    String path = l.text("rulePath");
    List<String> outages = l.texts("outageIds");
    String p = policyId;
    return l.build(before, () -> new IssuedCredit(key, amount, p, sub, path, days, outages));
  }

  @Override
  public void write(List<AccountRecord<IssuedCredit>> value, ObjectNode out) {
    throw new UnsupportedOperationException("decisions are written by DecisionJson, not from issued credits");
  }
}
