package dev.amends.rules.engine;

import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.rules.Campaign;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.Policy;
import dev.amends.rules.SubscriptionTrace;
import dev.amends.rules.TraceNode;
import dev.amends.rules.TraceValue;
import dev.amends.rules.Verdict;
import dev.amends.rules.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the {@link Pipeline} records of how it judged each subscription under each policy or
 * campaign: {@link #ON} adds a {@link SubscriptionTrace} to the decision's traces, with its texts;
 * {@link #OFF} adds nothing, builds no text and computes nothing that only a trace shows (such as
 * the fee and measurement of a subscription whose per-account grant was given already). The
 * pipeline hands every trace-only fact to one of these methods, so it holds no branch on whether
 * traces are on. The tree's own nodes are {@link Recorder}'s. Stateless; one instance of each
 * serves every thread.
 */
abstract sealed class SubscriptionRecorder {
  /** Records a trace per subscription and policy or campaign. */
  static final SubscriptionRecorder ON = new On();
  /** Records nothing. */
  static final SubscriptionRecorder OFF = new Off();

  private SubscriptionRecorder() {}

  /** {@link #ON} or {@link #OFF}. */
  static SubscriptionRecorder of(boolean traces) {
    return traces ? ON : OFF;
  }

  /** A decision's list of traces to add to; null, the decision's "not recorded", for {@link #OFF}. */
  abstract List<SubscriptionTrace> list();

  /** A subscription whose plan the policy does not cover: skipped, {@code why} after "not covered: ". */
  abstract void notCovered(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest,
      Supplier<String> why);

  /**
   * A subscription the policy's measurement window leaves undecided in this period, before its fee
   * and measurement (both null) or after them.
   */
  abstract void notDecided(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest,
      PeriodFee fee, Measurement measurement, Supplier<String> why);

  /** A subscription whose telemetry misses time the policy does not say how to count: not evaluated. */
  abstract void missingTelemetry(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest,
      PeriodFee fee, Measurement measurement, String missing);

  /** A subscription whose rule tree was evaluated, with the tree's trace. */
  abstract void evaluated(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest,
      PeriodFee fee, Measurement measurement, TraceNode tree);

  /**
   * A subscription a per-account grant skips, given already with subscription {@code givenWith}:
   * traced, with its fee and measurement, when it is active in the period.
   */
  abstract void grantSkipped(List<SubscriptionTrace> traces, Subscription sub, Campaign campaign, Policy policy,
      Supplier<PeriodFee> fee, Supplier<Measurement> measurement, String givenWith);

  /**
   * A subscription a campaign rules out, with only the fee or measurement its condition read:
   * {@code result} is the condition's full result, or null when the quick test on the
   * subscription alone failed (then the trace shows the condition's canonical form).
   */
  abstract void notEligible(List<SubscriptionTrace> traces, Subscription sub, Campaign campaign, Policy policy,
      Facts facts, ConditionResult result, Evaluator evaluator);

  private static final class On extends SubscriptionRecorder {
    @Override
    List<SubscriptionTrace> list() {
      return new ArrayList<>();
    }

    @Override
    void notCovered(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest,
        Supplier<String> why) {
      traces.add(new SubscriptionTrace(sub.id(), policy.id(), policy.version(), digest, Optional.empty(),
          Optional.empty(), new TraceNode(policy.rule().id(), "plans", Verdict.SKIPPED, "not covered: " + why.get(),
              Map.of("plan", TraceValue.text(sub.plan())), Optional.empty(), List.of())));
    }

    @Override
    void notDecided(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest, PeriodFee fee,
        Measurement measurement, Supplier<String> why) {
      traces.add(new SubscriptionTrace(sub.id(), policy.id(), policy.version(), digest, Optional.ofNullable(fee),
          Optional.ofNullable(measurement), new TraceNode(policy.rule().id(), "measurement-window", Verdict.SKIPPED,
              "not decided: " + why.get(), Map.of(), Optional.empty(), List.of())));
    }

    @Override
    void missingTelemetry(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest,
        PeriodFee fee, Measurement measurement, String missing) {
      traces.add(new SubscriptionTrace(sub.id(), policy.id(), policy.version(), digest, Optional.of(fee),
          Optional.of(measurement), new TraceNode(policy.rule().id(), "missing-telemetry", Verdict.NOT_MET,
              "not evaluated: " + missing,
              Map.of("missing", TraceValue.duration(measurement.missingTelemetry().totalLength())), Optional.empty(),
              List.of())));
    }

    @Override
    void evaluated(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest, PeriodFee fee,
        Measurement measurement, TraceNode tree) {
      traces.add(new SubscriptionTrace(sub.id(), policy.id(), policy.version(), digest, Optional.of(fee),
          Optional.of(measurement), tree));
    }

    @Override
    void grantSkipped(List<SubscriptionTrace> traces, Subscription sub, Campaign campaign, Policy policy,
        Supplier<PeriodFee> fee, Supplier<Measurement> measurement, String givenWith) {
      PeriodFee f = fee.get();
      if (f.isActive()) {
        traces.add(new SubscriptionTrace(sub.id(), campaign.id(), policy.version(), campaign.digest(),
            Optional.of(f), Optional.of(measurement.get()),
            new TraceNode(campaign.id(), "campaign", Verdict.SKIPPED,
                "skipped: the per-account grant was given with subscription " + givenWith, Map.of(),
                Optional.empty(), List.of())));
      }
    }

    @Override
    void notEligible(List<SubscriptionTrace> traces, Subscription sub, Campaign campaign, Policy policy, Facts facts,
        ConditionResult result, Evaluator evaluator) {
      Map<String, TraceValue> values;
      String summary;
      if (result == null) {
        values = Map.of("expected", TraceValue.text(Definitions.access().eligibleCanonical(campaign)));
        summary = Definitions.access().notEligible(campaign);
      } else {
        values = Recorder.traceValues(result);
        summary = "not eligible: " + result.describe();
      }
      When root = (When) policy.rule();
      traces.add(new SubscriptionTrace(sub.id(), campaign.id(), policy.version(), campaign.digest(),
          facts.feeIfComputed(), facts.measurementIfComputed(),
          new TraceNode(campaign.id(), root.kind(), Verdict.NOT_MET, summary, values, Optional.empty(),
              List.of(evaluator.skipped(root.then(), campaign.id(), "skipped: condition not met")))));
    }
  }

  private static final class Off extends SubscriptionRecorder {
    @Override
    List<SubscriptionTrace> list() {
      return null;
    }

    @Override
    void notCovered(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest,
        Supplier<String> why) {}

    @Override
    void notDecided(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest, PeriodFee fee,
        Measurement measurement, Supplier<String> why) {}

    @Override
    void missingTelemetry(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest,
        PeriodFee fee, Measurement measurement, String missing) {}

    @Override
    void evaluated(List<SubscriptionTrace> traces, Subscription sub, Policy policy, String digest, PeriodFee fee,
        Measurement measurement, TraceNode tree) {}

    @Override
    void grantSkipped(List<SubscriptionTrace> traces, Subscription sub, Campaign campaign, Policy policy,
        Supplier<PeriodFee> fee, Supplier<Measurement> measurement, String givenWith) {}

    @Override
    void notEligible(List<SubscriptionTrace> traces, Subscription sub, Campaign campaign, Policy policy, Facts facts,
        ConditionResult result, Evaluator evaluator) {}
  }
}
