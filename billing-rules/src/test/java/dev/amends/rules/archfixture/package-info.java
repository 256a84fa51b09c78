/**
 * Deliberate violations of {@link dev.amends.rules.EngineArchitectureRules}, laid out as the real
 * packages are (this package stands for {@code dev.amends.rules}, its sub-packages for the
 * engine, the codec and the internal helpers), so that {@link
 * dev.amends.rules.EngineArchitectureRulesTest} proves each rule can fail. Test code only.
 */
package dev.amends.rules.archfixture;
