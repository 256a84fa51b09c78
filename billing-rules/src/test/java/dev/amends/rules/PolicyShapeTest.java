package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import org.junit.jupiter.api.Test;

/** The shape of a rule tree, and rules and conditions written by users, checked when a policy is built. */
class PolicyShapeTest {
  /** A tree {@code levels} deep: {@code levels - 1} sums above one fixed USD 1.00 credit. */
  static RuleNode chain(int levels) {
    RuleNode node = Fixed.credit("leaf", "1.00");
    for (int i = 2; i <= levels; i++) {
      node = Rules.sum("s" + i, node);
    }
    return node;
  }

  @Test
  void acceptsATreeAtTheMaximumDepthAndEvaluatesDigestsAndExplainsIt() {
    Policy p = policy("p", chain(Policy.MAX_DEPTH));

    CreditDecision d = engine(p, OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(usd("1.00"));
      assertThat(l.rulePath()).startsWith("s64/s63/").endsWith("/s2/leaf");
    });
    assertThat(p.digest()).startsWith("sha256:");
    assertThat(d.explain()).contains("s64").contains("leaf");
  }

  @Test
  void refusesATreeOneLevelTooDeepNamingTheLevel() {
    PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class,
        () -> policy("p", chain(Policy.MAX_DEPTH + 1)));

    assertThat(e.problems()).containsExactly(
        "policy.rule is nested deeper than 64 levels: node \"leaf\" is at level 65 below \"s65\"");
  }

  @Test
  void refusesATreeAHundredThousandLevelsDeepWithoutOverflowingTheStack() {
    RuleNode deep = chain(100_000);

    assertThatThrownBy(() -> policy("p", deep))
        .isInstanceOf(PolicyDefinitionException.class)
        .hasMessageContaining("policy.rule is nested deeper than 64 levels: node \"s99936\" is at level 65 below \"s100000\"");
  }

  @Test
  void refusesASharedSubtreeThatUnfoldsIntoMillionsOfNodes() {
    // Each level uses the one below twice: 2^30 places for the leaf, in a tree 31 levels deep.
    RuleNode node = Fixed.credit("leaf", "1.00");
    for (int i = 1; i <= 30; i++) {
      node = Rules.sum("s" + i, node, node);
    }
    RuleNode shared = node;

    assertThatThrownBy(() -> policy("p", shared))
        .isInstanceOf(PolicyDefinitionException.class)
        .hasMessageContaining("policy.rule has more than 10000 nodes");
  }

  @Test
  void refusesACapChildThatUsesTheIdKeptForCarriedInAmounts() {
    RuleNode tree = Rules.cap("cap", CapLimit.amount(usd("5.00")), Fixed.credit("carried-in", "1.00"));

    PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class, () -> policy("p", tree));

    assertThat(e.problems()).containsExactly("cap/carried-in uses the id \"carried-in\", which a cap keeps for the"
        + " amount carried in from an earlier period");
  }

  /** A user rule whose id, kind and canonical form are given. */
  static CreditRule own(String id, String kind, String canonical) {
    return new CreditRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String kind() {
        return kind;
      }

      @Override
      public String canonical() {
        return canonical;
      }

      @Override
      public Outcome evaluate(RuleContext context) {
        return Outcome.credit(ExactMoney.of(context.account().currency(), Ratio.ONE), "one");
      }
    };
  }

  @Test
  void checksTheIdsKindsAndCanonicalFormsOfUserRulesListingEveryProblem() {
    RuleNode tree = Rules.sum("root",
        own(null, "mine", "mine(a)"),
        own("has space", "mine", "mine(b)"),
        own("c", null, "mine(c)"),
        own("d", "mine", null),
        own("e", "two\nlines", "mine(e)"));

    PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class, () -> policy("p", tree));

    assertThat(e.problems()).containsExactly(
        "root/(null).id() returned null; a rule needs an id",
        "root/has space.id must start with a letter or digit and use only letters, digits, '.', '_' and '-':"
            + " \"has space\"",
        "root/c.kind() returned null",
        "root/d.canonical() returned null",
        "root/e.kind() must be one line without control, line-separator or bidirectional-override characters"
            + " (found \\u000a at index 3): \"two\\u000alines\"");
  }

  @Test
  void checksTheCanonicalFormOfAUserCondition() {
    Condition nameless = new Condition() {
      @Override
      public ConditionResult test(RuleContext context) {
        return new ConditionResult(true, "x", "y");
      }

      @Override
      public String canonical() {
        return null;
      }
    };

    PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class,
        () -> policy("p", Rules.when("w", nameless, Fixed.credit("a", "1.00"))));

    assertThat(e.problems()).containsExactly("w.condition.canonical() returned null");
  }

  static Condition failing(RuntimeException failure, ConditionResult result) {
    return new Condition() {
      @Override
      public ConditionResult test(RuleContext context) {
        if (failure != null) {
          throw failure;
        }
        return result;
      }

      @Override
      public String canonical() {
        return "mine";
      }
    };
  }

  @Test
  void wrapsAConditionThatThrowsWithTheRulePath() {
    RuleNode tree = Rules.sum("root",
        Rules.when("w", failing(new IllegalStateException("boom"), null), Fixed.credit("a", "1.00")));

    assertThatThrownBy(() -> engine(policy("p", tree), OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC))
        .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
          assertThat(e.path()).isEqualTo("root/w");
          assertThat(e.getMessage()).isEqualTo("rule root/w condition mine failed: java.lang.IllegalStateException: boom");
          assertThat(e.getCause()).hasMessage("boom");
        });
  }

  @Test
  void wrapsAConditionThatReturnsNullWithTheRulePath() {
    RuleNode tree = Rules.when("w", failing(null, null), Fixed.credit("a", "1.00"));

    assertThatThrownBy(() -> engine(policy("p", tree), OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule w condition mine returned null instead of a ConditionResult");
  }

  @Test
  void wrapsANullResultInsideACombinedConditionWithTheRulePath() {
    RuleNode tree = Rules.when("w", Conditions.not(failing(null, null)), Fixed.credit("a", "1.00"));

    assertThatThrownBy(() -> engine(policy("p", tree), OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule w condition not(mine): condition mine returned null instead of a ConditionResult: null");
  }

  @Test
  void wrapsARuleThatReturnsNullWithItsPath() {
    CreditRule nothing = new CreditRule() {
      @Override
      public String id() {
        return "nothing";
      }

      @Override
      public Outcome evaluate(RuleContext context) {
        return null;
      }
    };

    assertThatThrownBy(() -> engine(policy("p", Rules.sum("root", nothing)), OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule root/nothing returned null instead of an Outcome");
  }
}
