package dev.amends.rules.archfixture;

import dev.amends.rules.archfixture.engine.Machine;

/** The fixture's front door: allowed to call into the engine. */
public final class Door {
  /** Runs a definition through the engine. */
  public String run(Definition definition) {
    return new Machine().run(definition);
  }
}
