package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequiresClaimTest {
  // OUT-1 ends 03:00 UTC on 10 June; 30 days after that day ends at 00:00 UTC on 11 July.
  static final RuleNode CLAIMED = Rules.requiresClaim("claimed", ClaimDeadline.daysAfterIncident(30),
      Fixed.credit("a", "2.00", "OUT-1"));
  static final CreditEngine ENGINE = engine(policy("p", CLAIMED), OUT_1);

  static CreditDecision decideWithClaim(String filedAt) {
    Claim claim = Claim.builder().id("CLM-1").filedAt(Instant.parse(filedAt)).build();
    return ENGINE.decide(DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC).addClaims(claim).build());
  }

  static TraceNode root(CreditDecision d) {
    return d.trace("sub-1", "p").orElseThrow().root();
  }

  @Test
  void givesNothingWithoutAClaimAndSkipsTheChild() {
    CreditDecision d = ENGINE.decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.lines()).isEmpty();
    assertThat(root(d).verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(root(d).values()).containsEntry("observed", TraceValue.text("no claim filed"))
        .containsEntry("expected", TraceValue.text("filed before 2024-07-11T00:00:00Z (30 days after the incident)"));
    assertThat(root(d).children()).singleElement().extracting(TraceNode::verdict).isEqualTo(Verdict.SKIPPED);
  }

  @Test
  void givesNothingForALateClaim() {
    CreditDecision d = decideWithClaim("2024-07-11T00:00:00Z");

    assertThat(d.lines()).isEmpty();
    assertThat(root(d).summary()).startsWith("no claim in time: claim CLM-1 filed 2024-07-11T00:00:00Z");
  }

  @Test
  void givesTheChildsCreditForAClaimInTime() {
    CreditDecision d = decideWithClaim("2024-07-10T23:59:59Z");

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(usd("2.00"));
    assertThat(root(d).verdict()).isEqualTo(Verdict.CREDITED);
    assertThat(root(d).summary()).startsWith("claim in time: claim CLM-1 filed 2024-07-10T23:59:59Z");
  }

  @Test
  void usesTheSubscriptionsOwnClaimBeforeAnAccountWideOne() {
    Claim late = Claim.builder().id("CLM-ALL").filedAt(Instant.parse("2024-08-01T00:00:00Z")).build();
    Claim own = Claim.builder().id("CLM-SUB").subscriptionId("sub-1").filedAt(Instant.parse("2024-07-01T00:00:00Z"))
        .build();

    CreditDecision d = ENGINE.decide(DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC)
        .addClaims(late, own).build());

    assertThat(d.lines()).hasSize(1);
    assertThat(root(d).values().get("observed").text()).contains("CLM-SUB");
  }

  @Test
  void picksTheSameClaimWhateverTheOrderOfClaimsFiledAtOnce() {
    Instant at = Instant.parse("2024-07-01T00:00:00Z");
    Claim a = Claim.builder().id("CLM-A").filedAt(at).build();
    Claim b = Claim.builder().id("CLM-B").filedAt(at).build();

    CreditDecision ab = ENGINE.decide(DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC)
        .addClaims(a, b).build());
    CreditDecision ba = ENGINE.decide(DecisionRequest.builder().account(ACCOUNT_USD_20).period(JUNE_2024_UTC)
        .addClaims(b, a).build());

    assertThat(ba.explain()).isEqualTo(ab.explain()).contains("claim CLM-A filed");
  }
}
