package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExactlyOneTest {
  @Test
  void keepsTheOneMatch() {
    Evaluation e = evaluate(Rules.exactlyOne("one", Fixed.none("a", "no"), Fixed.credit("b", "1.00"),
        Fixed.credit("c", "0")));

    assertThat(e.lines()).extracting(Evaluation.PendingLine::path).containsExactly("one/b");
    assertThat(e.trace().summary()).isEqualTo("the one match: b");
  }

  @Test
  void rejectsTwoMatchesNamingBothPaths() {
    RuleNode tree = Rules.sum("root",
        Rules.exactlyOne("one", Fixed.credit("a", "1.00"), Fixed.none("x", "no"), Fixed.credit("b", "2.00")));

    assertThatThrownBy(() -> decide(tree))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("root/one/a")
        .hasMessageContaining("root/one/b")
        .satisfies(ex -> assertThat(((RuleEvaluationException) ex).path()).isEqualTo("root/one"));
  }

  @Test
  void isNotMetWhenNoChildMatches() {
    Evaluation e = evaluate(Rules.exactlyOne("one", Fixed.none("a", "no"), Fixed.none("b", "no")));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(e.lines()).isEmpty();
  }
}
