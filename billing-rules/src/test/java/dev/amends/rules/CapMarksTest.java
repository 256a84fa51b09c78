package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.evaluate;
import static dev.amends.rules.RuleFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.ExactMoney;
import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluation.CapMark;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cap marks a line carries through nested caps: each cap adds its own after those below it
 * (innermost first), with its limit and whether it cut, sharing the marks below rather than
 * copying them; the marks are a list equal to any list of the same marks.
 */
class CapMarksTest {

  @Test
  void aLineUnderThreeCapsCarriesTheirMarksInnermostFirst() {
    RuleNode tree = Rules.cap("outer", CapLimit.amount(usd("10.00")),
        Rules.cap("middle", CapLimit.amount(usd("2.50")),
            Rules.cap("inner", CapLimit.amount(usd("5.00")), Fixed.credit("a", "3.00"))));

    Evaluation e = evaluate(tree);

    // 3.00 within inner's 5.00; cut to 2.50 by middle; 2.50 within outer's 10.00
    List<CapMark> expected = List.of(
        new CapMark("outer/middle/inner#", ExactMoney.of(usd("5.00")), false),
        new CapMark("outer/middle#", ExactMoney.of(usd("2.50")), true),
        new CapMark("outer#", ExactMoney.of(usd("10.00")), false));
    PendingLine line = e.lines().get(0);
    assertThat(e.lines()).hasSize(1);
    assertThat(line.amount()).isEqualTo(ExactMoney.of(usd("2.50")));
    assertThat(line.caps()).containsExactlyElementsOf(expected);
    assertThat(line.caps()).isEqualTo(expected);
    assertThat(expected).isEqualTo(line.caps());
    assertThat(line.caps().hashCode()).isEqualTo(expected.hashCode());
  }

  @Test
  void aLineEqualsTheSameLineBuiltWithAPlainListOfMarks() {
    Evaluation e = evaluate(Rules.cap("outer", CapLimit.amount(usd("10.00")),
        Rules.cap("inner", CapLimit.amount(usd("5.00")), Fixed.credit("a", "3.00"))));
    PendingLine line = e.lines().get(0);

    PendingLine plain = new PendingLine(line.path(), line.amount(), line.days(), line.reason(), line.outageIds(),
        List.copyOf(line.caps()));

    assertThat(line).isEqualTo(plain);
    assertThat(plain).isEqualTo(line);
    assertThat(line.caps()).extracting(CapMark::group).containsExactly("outer/inner#", "outer#");
  }
}
