package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class FirstMatchTest {
  @Test
  void firstMatchSkipsLaterChildrenWithoutEvaluatingThem() {
    Evaluation e = evaluate(Rules.firstMatch("first",
        Fixed.credit("a", "1.50"), new Exploding("b"), new Exploding("c")));

    assertThat(e.lines()).extracting(Evaluation.PendingLine::path).containsExactly("first/a");
    assertThat(e.trace().children()).extracting(TraceNode::path, TraceNode::verdict, TraceNode::summary)
        .containsExactly(
            tuple("first/a", Verdict.CREDITED, "fixed 1.50"),
            tuple("first/b", Verdict.SKIPPED, "skipped: a matched first"),
            tuple("first/c", Verdict.SKIPPED, "skipped: a matched first"));
  }

  @Test
  void doesNotTreatNoCreditOrZeroCreditAsAMatch() {
    Evaluation e = evaluate(Rules.firstMatch("first",
        Fixed.none("none", "availability 100 %"), Fixed.credit("zero", "0.00"), Fixed.credit("real", "1.50"),
        new Exploding("later")));

    assertThat(e.lines()).extracting(Evaluation.PendingLine::path).containsExactly("first/real");
    assertThat(e.trace().summary()).isEqualTo("first match: real");
    assertThat(e.trace().children()).extracting(TraceNode::verdict)
        .containsExactly(Verdict.NOT_MET, Verdict.ZERO, Verdict.CREDITED, Verdict.SKIPPED);
  }

  @Test
  void countsDaysWithoutMoneyAsAMatch() {
    Evaluation e = evaluate(Rules.firstMatch("first", Fixed.credit("days", "0").withDays("3"), new Exploding("b")));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.CREDITED);
    assertThat(e.trace().find("first/b")).get().extracting(TraceNode::verdict).isEqualTo(Verdict.SKIPPED);
  }

  @Test
  void isNotMetWhenNoChildMatches() {
    Evaluation e = evaluate(Rules.firstMatch("first", Fixed.none("a", "no"), Fixed.credit("b", "0")));

    assertThat(e.lines()).isEmpty();
    assertThat(e.trace().verdict()).isEqualTo(Verdict.NOT_MET);
  }
}
