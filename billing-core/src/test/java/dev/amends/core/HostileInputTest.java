package dev.amends.core;

/**
 * Every bad input we know of, fed through the public API of billing-core, and the error it gets.
 *
 * <p>Each nested class holds one family of bad inputs. A bad input must end in one of our own
 * exceptions naming the field, the value and the rule it broke: never a bare JDK exception, a
 * hang, a crash, or a silent wrong answer.
 */
class HostileInputTest {

  // ---- section: nulls and generated builders -------------------------------------------------



  // ---- end of section: nulls and generated builders ------------------------------------------


  // ---- section: measurement, telemetry and time ----------------------------------------------



  // ---- end of section: measurement, telemetry and time ---------------------------------------


  // ---- section: decimals, rounding, ids, rule trees, keys ------------------------------------

  @org.junit.jupiter.api.Nested
  class DecimalsRoundingIds {
    private static final java.time.ZoneId EASTERN = java.time.ZoneId.of("America/New_York");

    private void assertNamed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String value) {
      org.assertj.core.api.Assertions.assertThatThrownBy(call)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
            org.assertj.core.api.Assertions.assertThat(e.value()).contains(value);
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n");
          });
    }

    @org.junit.jupiter.api.Test
    void ratioOfATinyExponentIsRefusedNotComputedForHours() {
      assertNamed(() -> dev.amends.core.money.Ratio.of(new java.math.BigDecimal("1E-100000000")), "decimal",
          "1E-100000000");
    }

    @org.junit.jupiter.api.Test
    void ratioOfAHugeExponentIsRefusedNotComputedForHours() {
      assertNamed(() -> dev.amends.core.money.Ratio.of(new java.math.BigDecimal("1E+100000000")), "decimal",
          "1E+100000000");
    }

    @org.junit.jupiter.api.Test
    void roundingModeUnnecessaryIsRefused() {
      assertNamed(() -> dev.amends.core.money.Rounding.of(java.math.RoundingMode.UNNECESSARY), "rounding.mode",
          "UNNECESSARY");
    }

    @org.junit.jupiter.api.Test
    void roundingIncrementThatDoesNotDivideAUnitIsRefused() {
      assertNamed(() -> dev.amends.core.money.Rounding.of(java.math.RoundingMode.HALF_UP,
          new java.math.BigDecimal("0.03")), "rounding.increment", "0.03");
    }

    @org.junit.jupiter.api.Test
    void roundingIncrementWithAHugeExponentIsRefused() {
      assertNamed(() -> dev.amends.core.money.Rounding.of(java.math.RoundingMode.HALF_UP,
          new java.math.BigDecimal("1E+100000000")), "rounding.increment", "1E+100000000");
    }

    @org.junit.jupiter.api.Test
    void accountIdWithALineFeedIsRefused() {
      assertNamed(() -> dev.amends.core.account.Account.builder().id("acct-1\nFAKE LINE")
          .currency(org.joda.money.CurrencyUnit.USD).zone(EASTERN).build(), "account.id", "acct-1\\u000aFAKE LINE");
    }

    @org.junit.jupiter.api.Test
    void accountTagWithABidiOverrideIsRefused() {
      assertNamed(() -> dev.amends.core.account.Account.builder().id("acct-1").addTags("vip\u202e")
          .currency(org.joda.money.CurrencyUnit.USD).zone(EASTERN).build(), "account.tags", "vip\\u202e");
    }

    @org.junit.jupiter.api.Test
    void outageIdWithALineSeparatorIsRefused() {
      assertNamed(() -> dev.amends.core.outage.Outage.builder().id("INC-1\u2028rule x credited")
          .addScopes(dev.amends.core.scope.Scope.of("grid"))
          .window(java.time.Instant.parse("2024-06-10T10:00:00Z"), java.time.Instant.parse("2024-06-10T12:00:00Z"))
          .build(), "outage.id", "INC-1\\u2028rule x credited");
    }

    @org.junit.jupiter.api.Test
    void outageTagWithACarriageReturnIsRefused() {
      assertNamed(() -> dev.amends.core.outage.Outage.builder().id("INC-1").addTags("storage\r")
          .addScopes(dev.amends.core.scope.Scope.of("grid"))
          .window(java.time.Instant.parse("2024-06-10T10:00:00Z"), java.time.Instant.parse("2024-06-10T12:00:00Z"))
          .build(), "outage.tags", "storage\\u000d");
    }
  }




  // ---- end of section: decimals, rounding, ids, rule trees, keys -----------------------------


  // ---- section: accounts, standing, outages, days of service ---------------------------------



  // ---- end of section: accounts, standing, outages, days of service --------------------------


  // ---- section: periods, placements, grants, policy windows ----------------------------------



  // ---- end of section: periods, placements, grants, policy windows ---------------------------
}
