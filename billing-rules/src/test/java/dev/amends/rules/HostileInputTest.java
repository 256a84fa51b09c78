package dev.amends.rules;

/**
 * Every bad input we know of, fed through the public API of billing-rules, and the error it gets.
 *
 * <p>Each nested class holds one family of bad inputs. A bad input must end in one of our own
 * exceptions naming the field, the value and the rule it broke: never a bare JDK exception, a
 * hang, a crash, or a silent wrong answer.
 */
class HostileInputTest {

  // ---- section: nulls and generated builders -------------------------------------------------



  // ---- end of section: nulls and generated builders ------------------------------------------


  // ---- section: measurement, telemetry and time ----------------------------------------------

  /** A decision's trace holds the measurement and the fee themselves; none of them may be null. */
  @org.junit.jupiter.api.Nested
  class MeasurementTelemetryAndTime {
    @org.junit.jupiter.api.Test
    void traceWithoutAMeasurementIsRejectedByName() {
      TraceNode root = new TraceNode("tiers", "availability-tiers", Verdict.NOT_MET, "no credit",
          java.util.Map.of(), java.util.Optional.empty(), java.util.List.of());
      dev.amends.core.account.PeriodFee fee = dev.amends.core.account.PeriodFee.of(
          RuleFixtures.ACCOUNT_USD_20, RuleFixtures.ACCOUNT_USD_20.subscriptions().get(0),
          RuleFixtures.JUNE_2024_UTC, dev.amends.core.account.Proration.BY_TIME);

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new SubscriptionTrace("sub-1", "sla", 1, "sha256:x", fee, null, root))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("subscriptionTrace.measurement is required: null");
    }

    @org.junit.jupiter.api.Test
    void traceWithoutAFeeIsRejectedByName() {
      TraceNode root = new TraceNode("tiers", "availability-tiers", Verdict.NOT_MET, "no credit",
          java.util.Map.of(), java.util.Optional.empty(), java.util.List.of());

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new SubscriptionTrace("sub-1", "sla", 1, "sha256:x", null, null, root))
          .isInstanceOf(dev.amends.core.InvalidInputException.class)
          .hasMessage("subscriptionTrace.fee is required: null");
    }
  }



  // ---- end of section: measurement, telemetry and time ---------------------------------------


  // ---- section: decimals, rounding, ids, rule trees, keys ------------------------------------



  // ---- end of section: decimals, rounding, ids, rule trees, keys -----------------------------


  // ---- section: accounts, standing, outages, days of service ---------------------------------



  // ---- end of section: accounts, standing, outages, days of service --------------------------


  // ---- section: periods, placements, grants, policy windows ----------------------------------



  // ---- end of section: periods, placements, grants, policy windows ---------------------------
}
