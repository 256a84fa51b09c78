package dev.amends.rules;

/** A test leaf that fails the test if it is ever evaluated. */
final class Exploding implements CreditRule {
  private final String id;

  Exploding(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "exploding";
  }

  @Override
  public Outcome evaluate(RuleContext context) {
    throw new AssertionError("rule " + id + " must not be evaluated");
  }
}
