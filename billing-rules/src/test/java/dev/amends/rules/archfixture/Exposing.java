package dev.amends.rules.archfixture;

import dev.amends.rules.archfixture.engine.Machine;

/** Violates "public signatures do not expose the engine". */
public final class Exposing {
  /** Hands out an engine type in a public signature. */
  public Machine machine() {
    return new Machine();
  }
}
