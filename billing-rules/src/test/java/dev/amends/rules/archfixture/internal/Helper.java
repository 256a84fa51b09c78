package dev.amends.rules.archfixture.internal;

import dev.amends.rules.archfixture.Definition;

/** Violates "internal helpers depend on nothing else of the rules". */
public final class Helper {
  /** Reads a definition. */
  public static String idOf(Definition d) {
    return d.id();
  }
}
