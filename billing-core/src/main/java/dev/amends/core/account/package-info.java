/**
 * Accounts, subscriptions, effective-dated prices, and the {@link
 * dev.amends.core.account.PeriodFee fee for a billing period}.
 */
package dev.amends.core.account;
