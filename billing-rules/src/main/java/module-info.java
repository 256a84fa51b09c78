/**
 * Amends' judgement: the rule API, the standard rules and combinators, policies and their
 * versions, and the {@code CreditEngine} with explained decisions.
 *
 * <p>Reading this module reads {@code dev.amends.core}, whose types appear throughout its API.
 * The Immutables annotations are needed at compile time only. The machinery that runs a policy
 * ({@code dev.amends.rules.engine}) and the number helpers shared by it and the definitions
 * ({@code dev.amends.rules.internal}) are not exported. {@code @SuppressWarnings}: their
 * jar is an automatic module.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.amends.rules {
  requires transitive dev.amends.core;
  requires static transitive org.immutables.value.annotations;
  requires tools.jackson.databind;
  requires tools.jackson.datatype.joda;

  exports dev.amends.rules;
  exports dev.amends.rules.json;
}
