/**
 * Money math on Joda-Money: {@link org.joda.money.Money} at rest, {@link
 * dev.amends.core.money.ExactMoney} (an exact fraction) in flight, and exactly one {@link
 * dev.amends.core.money.Rounding} per result. Nothing here uses floating point.
 */
package dev.amends.core.money;
