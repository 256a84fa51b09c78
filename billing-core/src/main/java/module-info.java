/**
 * Amends' facts and measurement: money, time windows and billing periods, accounts, prices,
 * outages, telemetry and the downtime measurement.
 *
 * <p>Every package is API except {@code dev.amends.core.internal} and {@code
 * dev.amends.core.money.internal}, which only {@code dev.amends.rules} may read. Joda-Money and
 * ThreeTen-Extra types appear in the API, so reading this module reads them too. The Immutables annotations are needed at compile time
 * only; {@code requires static transitive} lets a consumer that has them (Maven gives them to
 * every consumer) see the annotations on Amends' types without a warning.
 *
 * <p>{@code @SuppressWarnings}: the qualified export names {@code dev.amends.rules}, which is
 * compiled after this module ({@code module}), and the Immutables annotations jar is an automatic
 * module ({@code requires-automatic}, {@code requires-transitive-automatic}).
 */
@SuppressWarnings({"module", "requires-automatic", "requires-transitive-automatic"})
module dev.amends.core {
  requires transitive org.joda.money;
  requires transitive org.threeten.extra;
  requires static transitive org.immutables.value.annotations;

  exports dev.amends.core;
  exports dev.amends.core.account;
  exports dev.amends.core.measure;
  exports dev.amends.core.money;
  exports dev.amends.core.outage;
  exports dev.amends.core.scope;
  exports dev.amends.core.telemetry;
  exports dev.amends.core.time;
  exports dev.amends.core.internal to dev.amends.rules;
  exports dev.amends.core.money.internal to dev.amends.rules;
}
