/**
 * Policies and records as JSON: the one place in Amends that reads or writes JSON, and the only
 * package that imports Jackson.
 *
 * <p>Reading is strict and exact: unknown fields, duplicate keys, trailing tokens, nulls where a
 * value is required and wrong types are errors; decimals are read as {@code BigDecimal}; rule
 * types are chosen by allow-listed names only. A bad document is rejected with every problem
 * found, each as a {@link dev.amends.rules.json.JsonProblem} with its JSON Pointer.
 *
 * <p>{@link dev.amends.rules.json.PolicyDocuments} reads and writes policy documents (their JSON
 * Schema ships as {@code dev/amends/rules/json/policy.schema.json}); {@link
 * dev.amends.rules.json.RuleTypes} registers rule types of your own under names.
 */
package dev.amends.rules.json;
