package dev.amends.rules.archfixture.json;

import dev.amends.rules.archfixture.engine.Machine;

/** Violates "json depends on the API only". */
public final class Reader {
  /** Reaches into the engine. */
  public Object machine() {
    return new Machine();
  }
}
