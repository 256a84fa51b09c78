package dev.amends.rules;

import java.util.List;

/** A node that can find problems in its own parameters when its policy is built. */
interface SelfChecking {
  /** Adds one entry per problem, each starting with {@code path}. */
  void check(String path, List<String> problems);
}
