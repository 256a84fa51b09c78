/**
 * The testkit for unit tests of your own credit policies.
 *
 * <ul>
 *   <li>{@link dev.amends.testkit.Scenario}: the facts in a few lines (account, subscriptions with
 *       plan, price and placements, outages including announced maintenance, telemetry, claims,
 *       the period), then {@code decideWith(policy)};
 *   <li>{@link dev.amends.testkit.AmendsAssertions}: AssertJ-style assertions on the decision
 *       ({@link dev.amends.testkit.DecisionAssert}), its lines ({@link
 *       dev.amends.testkit.LineAssert}) and its trace ({@link dev.amends.testkit.TraceNodeAssert});
 *   <li>{@link dev.amends.testkit.TierTableCheck}: a tier-shaped rule checked row by row, every
 *       failing row reported at once;
 *   <li>{@link dev.amends.testkit.GoldenFile}: output compared with a reviewed file, with a line diff.
 * </ul>
 *
 * <pre>{@code
 * CreditDecision d = Scenario.account("acct-1").zone("America/New_York")
 *     .subscription("sub-1", s -> s.plan("grid").monthly("USD 20.00").on("grid/cluster-2"))
 *     .outage("MAINT-1", o -> o.on("grid/cluster-2").from("2007-12-01T00:00").until("2007-12-01T13:00")
 *         .announcedMaintenance("2007-11-21T00:00", "2007-12-01T00:00", "2007-12-01T06:00"))
 *     .period(YearMonth.of(2007, 12))
 *     .decideWith(gridSla);
 * assertThat(d).hasLine("tiers").withAmount("USD 2.00").restsOn("MAINT-1").and().hasTotal("USD 2.00");
 * }</pre>
 *
 * <p>Scenarios and checks are immutable and thread-safe; an assertion object belongs to the
 * test that made it. Bad facts raise {@link dev.amends.core.InvalidInputException} naming the
 * value (such as {@code scenario.outages[MAINT-1].until}); wrong expectations raise {@link
 * AssertionError} with the decision's lines, and the trace where it helps.
 */
package dev.amends.testkit;
