package dev.amends.rules.archfixture.engine;

import dev.amends.rules.archfixture.Definition;

/** The fixture's engine: reads the API's types, as the real engine does. */
public final class Machine {
  /** Runs a definition. */
  public String run(Definition definition) {
    return definition.id();
  }
}
