package dev.amends.core.account;

/**
 * How the fee for a billing period is reduced when the subscription was active for only part of
 * it.
 *
 * <p>For USD 20.00 a month, December 2007 (31 days), and a subscription that started on
 * 25 December at 15:00 local time:
 * <ul>
 *   <li>{@link #BY_TIME}: 6 days 9 hours of 31 days, {@code 20 × 153/744} = USD 4.112903…;
 *   <li>{@link #BY_DAY}: 7 days of 31, the start day counting whole, {@code 20 × 7/31} = USD 4.516129…;
 *   <li>{@link #NONE}: the whole USD 20.00.
 * </ul>
 */
public enum Proration {
  /** The exact share of the period's instants during which the subscription was active. */
  BY_TIME,
  /** The share of the period's local days on which the subscription was active at all. */
  BY_DAY,
  /** No proration: the full fee if the subscription was active at any instant of the period. */
  NONE
}
