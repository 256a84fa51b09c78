/**
 * Amends' testkit, for unit tests of your own credit policies: readable scenario builders
 * ({@link dev.amends.testkit.Scenario}), AssertJ-style assertions on decisions ({@link
 * dev.amends.testkit.AmendsAssertions}), table checks for tier-shaped rules ({@link
 * dev.amends.testkit.TierTableCheck}) and golden files with a readable diff ({@link
 * dev.amends.testkit.GoldenFile}).
 *
 * <p>Add it with test scope. Reading this module reads {@code dev.amends.rules} (and so {@code
 * dev.amends.core}) and AssertJ, whose types appear in its API. It works with any test runner;
 * its own tests use JUnit 5.
 * {@code @SuppressWarnings}: the Immutables annotations jar, read through {@code dev.amends.rules},
 * is an automatic module.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.amends.testkit {
  requires transitive dev.amends.rules;
  requires transitive org.assertj.core;

  exports dev.amends.testkit;
}
