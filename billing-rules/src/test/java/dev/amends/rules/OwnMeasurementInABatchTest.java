package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In a batch, subscriptions on the same placement share one measurement's figures, but what a
 * user's rule or condition reads through {@link RuleContext#measurement()}, and what a trace
 * shows, carries the subscription's own id.
 */
class OwnMeasurementInABatchTest {

  /** A user condition met when the measurement it reads names the subscription decided. */
  static final class MeasuredForItself implements Condition {
    @Override
    public ConditionResult test(RuleContext context) {
      String seen = context.measurement().subscriptionId();
      return new ConditionResult(seen.equals(context.subscription().id()), seen, context.subscription().id());
    }

    @Override
    public String canonical() {
      return "measured-for-itself";
    }
  }

  /** A user rule that credits USD 1.00 with the measured subscription's id in its reason. */
  static final class NamesTheMeasured implements CreditRule {
    @Override
    public String id() {
      return "names";
    }

    @Override
    public String kind() {
      return "names-the-measured";
    }

    @Override
    public String canonical() {
      return "names-the-measured";
    }

    @Override
    public Outcome evaluate(RuleContext context) {
      Measurement m = context.measurement();
      return Outcome.credit(ExactMoney.of(usd("1.00")), "measured for " + m.subscriptionId());
    }
  }

  static final Policy POLICY = policy("p", Rules.when("own", new MeasuredForItself(), new NamesTheMeasured()));

  static List<DecisionRequest> threeOnOneNode() {
    // sub-a, sub-b and sub-c all sit on svc/node-1, active since 2000: one measurement key
    List<DecisionRequest> requests = new ArrayList<>();
    for (String s : List.of("a", "b", "c")) {
      requests.add(DecisionRequest.of(account("acct-" + s, subscription("sub-" + s, USD_20_00)), JUNE_2024_UTC));
    }
    return requests;
  }

  static List<CreditDecision> decideAllShared(CreditEngine engine) {
    return BatchRunTest.all(engine.decideAll(threeOnOneNode().iterator(),
        BatchOptions.defaults().threads(1).shareMeasurements(true))).stream()
        .map(r -> ((BatchResult.Decided) r).decision()).toList();
  }

  @Test
  void aUserRuleAndConditionReadTheirOwnSubscriptionsMeasurementInABatch() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(POLICY))
        .outages(dev.amends.core.outage.OutageLog.of(List.of(OUT_1))).traces(false).build();

    List<CreditDecision> decisions = decideAllShared(engine);

    assertThat(decisions).extracting(d -> d.lines().get(0).reason())
        .containsExactly("measured for sub-a", "measured for sub-b", "measured for sub-c");
  }

  @Test
  void aTraceShowsTheSubscriptionsOwnMeasurementInABatch() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(POLICY))
        .outages(dev.amends.core.outage.OutageLog.of(List.of(OUT_1))).traces(true).build();

    List<CreditDecision> decisions = decideAllShared(engine);

    assertThat(decisions).extracting(d -> d.traces().get(0).measurement().orElseThrow().subscriptionId())
        .containsExactly("sub-a", "sub-b", "sub-c");
    assertThat(decisions).extracting(d -> d.lines().get(0).reason())
        .containsExactly("measured for sub-a", "measured for sub-b", "measured for sub-c");
  }
}
