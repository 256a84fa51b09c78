package dev.amends.rules.engine;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.util.List;
import dev.amends.rules.ClaimDeadline;
import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.Outcome;
import dev.amends.rules.TraceValue;
import dev.amends.rules.RuleContext;

/**
 * Internal, not part of the API: the narrow way in to the few operations of {@code
 * dev.amends.rules} that the engine needs and that are not public there. {@link CreditEngine},
 * the front door, installs them when it is initialised (the pattern of the JDK's {@code
 * SharedSecrets}), so that they stay package-private in the API and out of users' reach, and the
 * definitions themselves never import the engine.
 */
public final class Definitions {
  private static volatile Access access;

  private Definitions() {}

  /** The operations handed over; implemented once, inside {@link CreditEngine}. */
  public interface Access {
    /**
     * Whether a condition that reads only the subscription holds, without building the texts of
     * its result; null for any other condition.
     */
    Boolean holdsOnSubscription(Condition condition, RuleContext context);

    /** Whether a claim covering the subscription was filed in time, with what was compared. */
    ConditionResult claimInTime(ClaimDeadline deadline, RuleContext context);

    /**
     * An outcome of a standard rule, unchecked: its reason and value names are the library's own
     * text and its outage ids come from checked input (amount null for no credit).
     */
    Outcome libraryOutcome(ExactMoney amount, Ratio days, String reason, String[] names, TraceValue[] values,
        int count, List<String> outageIds);
  }

  /**
   * Installs the operations; called once, by {@link CreditEngine}'s static initialiser.
   *
   * @param operations the operations, not null
   * @throws IllegalStateException if they were installed already
   */
  public static synchronized void install(Access operations) {
    if (access != null) {
      throw new IllegalStateException("the definitions' operations are installed already");
    }
    access = java.util.Objects.requireNonNull(operations, "operations");
  }

  /** The operations, initialising {@link CreditEngine} first if nothing has yet. */
  static Access access() {
    Access a = access;
    if (a == null) {
      try {
        Class.forName(CreditEngine.class.getName(), true, CreditEngine.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = access;
    }
    return a;
  }
}
