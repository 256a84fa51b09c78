package dev.amends.rules.archfixture;

import dev.amends.rules.archfixture.engine.Machine;

/** Violates "definitions do not depend on the engine", and closes a cycle with it. */
public record Definition(String id) {
  /** Evaluates itself through the engine, as definitions must not. */
  public String evaluate() {
    return new Machine().run(this);
  }
}
