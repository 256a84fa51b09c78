package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Two claims with one id in a request: which of them counts would rest on filing time (or order)
 * alone, so the engine refuses the request, naming the second claim's id; a batch rejects that
 * request and decides the rest.
 */
class DuplicateClaimIdsTest {
  private final Policy ten = RuleFixtures.policy("sla", Rules.flatAmount("ten", Money.parse("USD 10.00")));

  private static Claim claim(String id, String filedAt) {
    return Claim.builder().id(id).filedAt(Instant.parse(filedAt)).build();
  }

  private static DecisionRequest request(Claim... claims) {
    return DecisionRequest.builder().account(RuleFixtures.ACCOUNT_USD_20).period(RuleFixtures.JUNE_2024_UTC)
        .addClaims(claims).build();
  }

  @Test
  void aSecondClaimWithTheSameIdIsRefusedNamingItsIdAndTheFirst() {
    DecisionRequest twice = request(claim("CLM-1", "2024-06-11T00:00:00Z"), claim("CLM-2", "2024-06-12T00:00:00Z"),
        claim("CLM-1", "2024-07-02T00:00:00Z"));

    assertThatThrownBy(() -> RuleFixtures.engine(ten).decide(twice))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("request.claims[2].id");
          assertThat(e.value()).contains("CLM-1");
          assertThat(e.getMessage()).contains("repeats the id of request.claims[0]")
              .contains("claim ids must be unique within a request").contains("acct-1");
        });
  }

  @Test
  void theSameClaimGivenTwiceIsRefusedToo() {
    // identical claims: the same id filed at the same instant, as from a file read twice
    DecisionRequest twice = request(claim("CLM-1", "2024-06-11T00:00:00Z"), claim("CLM-1", "2024-06-11T00:00:00Z"));

    assertThatThrownBy(() -> RuleFixtures.engine(ten).decide(twice))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("request.claims[1].id"));
  }

  @Test
  void claimsWithDifferentIdsAreDecided() {
    CreditDecision d = RuleFixtures.engine(ten)
        .decide(request(claim("CLM-1", "2024-06-11T00:00:00Z"), claim("CLM-2", "2024-06-11T00:00:00Z")));

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(Money.parse("USD 10.00"));
  }

  @Test
  void aBatchRejectsTheRequestWithDuplicateClaimIdsAndDecidesTheRest() {
    List<DecisionRequest> requests = List.of(request(),
        request(claim("CLM-1", "2024-06-11T00:00:00Z"), claim("CLM-1", "2024-06-12T00:00:00Z")), request());

    List<BatchResult> results;
    try (var stream = RuleFixtures.engine(ten).decideAll(requests.stream(), BatchOptions.defaults())) {
      results = stream.toList();
    }

    assertThat(results).hasSize(3);
    assertThat(results.get(0)).isInstanceOf(BatchResult.Decided.class);
    assertThat(results.get(1)).isInstanceOfSatisfying(BatchResult.Rejected.class,
        r -> assertThat(r.reason()).contains("request.claims[1].id").contains("CLM-1"));
    assertThat(results.get(2)).isInstanceOfSatisfying(BatchResult.Decided.class,
        d -> assertThat(d.decision().lines()).extracting(CreditLine::amount)
            .containsExactly(Money.parse("USD 10.00")));
  }
}
