/**
 * Judgement: the rule API ({@link dev.amends.rules.CreditRule}, {@link
 * dev.amends.rules.RuleContext}, {@link dev.amends.rules.Outcome}), the standard rules and
 * combinators ({@link dev.amends.rules.Rules}, {@link dev.amends.rules.Conditions}), policies
 * and their versions ({@link dev.amends.rules.Policy}, {@link dev.amends.rules.PolicyBook}), and
 * the {@link dev.amends.rules.CreditEngine} with its explained {@link
 * dev.amends.rules.CreditDecision}s.
 *
 * <p>Everything public is immutable and thread-safe. Amounts stay exact until the engine rounds
 * each credit line once, with the policy's rounding.
 */
@AmendsStyle
package dev.amends.rules;

import dev.amends.core.internal.AmendsStyle;
