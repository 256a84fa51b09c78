package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PolicyBookTest {
  static final Instant JAN_2024 = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant JUNE_2024 = Instant.parse("2024-06-01T00:00:00Z");

  static Policy version(String id, int v, Instant from, Instant until, String amount) {
    Policy.Builder b = policyBuilder(id, Fixed.credit("a", amount), HALF_UP).version(v).effectiveFrom(from);
    if (until != null) {
      b.effectiveUntil(until);
    }
    return b.build();
  }

  static final Policy V1 = version("sla", 1, JAN_2024, JUNE_2024, "1.00");
  static final Policy V2 = version("sla", 2, JUNE_2024, null, "2.00");

  @Test
  void picksTheVersionInForceAtThePeriodStart() {
    PolicyBook book = PolicyBook.of(V2, V1);

    assertThat(book.inForce(MAY_2024_UTC.start())).containsExactly(V1);
    assertThat(book.inForce(JUNE_2024_UTC.start())).containsExactly(V2);
    assertThat(book.inForce(Instant.parse("2023-12-31T23:59:59Z"))).isEmpty();
    assertThat(book.versions("sla")).containsExactly(V1, V2);
  }

  @Test
  void decidesEachPeriodUnderItsVersion() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(V1, V2)).build();

    assertThat(engine.decide(ACCOUNT_USD_20, MAY_2024_UTC).lines())
        .extracting(CreditLine::policyVersion, CreditLine::amount).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, usd("1.00")));
    assertThat(engine.decide(ACCOUNT_USD_20, JUNE_2024_UTC).lines())
        .extracting(CreditLine::policyVersion, CreditLine::amount).containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, usd("2.00")));
  }

  @Test
  void oneEngineDecidingPeriodsInTurnGivesEachItsOwnVersion() {
    // the engine looks the versions in force up once per period start and keeps them: periods
    // decided in turn, May, June, May, June, must each still get their own version
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(V1, V2)).traces(false).build();

    for (int round = 0; round < 2; round++) {
      assertThat(engine.decide(ACCOUNT_USD_20, MAY_2024_UTC).lines())
          .extracting(CreditLine::policyVersion, CreditLine::amount).containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, usd("1.00")));
      assertThat(engine.decide(ACCOUNT_USD_20, JUNE_2024_UTC).lines())
          .extracting(CreditLine::policyVersion, CreditLine::amount).containsExactly(
              org.assertj.core.groups.Tuple.tuple(2, usd("2.00")));
    }
  }

  @Test
  void rejectsOverlappingVersionsAndRepeatedVersionNumbersListingEveryProblem() {
    Policy openV1 = version("sla", 1, JAN_2024, null, "1.00");
    Policy earlyV2 = version("sla", 2, Instant.parse("2023-01-01T00:00:00Z"), JAN_2024, "1.00");

    PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class,
        () -> PolicyBook.of(openV1, V2, earlyV2));

    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("policy sla v1 ").contains("overlaps v2"));
    assertThat(e.problems()).contains("policy sla has version 2 twice");
  }

  @Test
  void acceptsVersionsThatMeetEndToStart() {
    assertThat(PolicyBook.of(V1, V2).policies()).containsExactly(V1, V2);
  }

  @Test
  void appliesSeveralPoliciesInForceAtOnceInIdOrder() {
    Policy goodwill = version("goodwill", 1, JAN_2024, null, "5.00");

    CreditDecision d = CreditEngine.builder().policies(PolicyBook.of(V2, goodwill)).build()
        .decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::policyId).containsExactly("goodwill", "sla");
  }
}
