package dev.amends.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Outage;
import dev.amends.core.scope.Scope;
import dev.amends.rules.LiabilitySummary;
import dev.amends.rules.Policy;
import dev.amends.rules.Rules;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The Spark summary's rows per rule leave out the outage id a per-outage node puts in a line's
 * path, as {@link LiabilitySummary} does, even for an id holding {@code ]/}: one row per rule and
 * currency, not one per outage.
 */
class PerOutageSummarySparkTest {
  static Outage hourOnGrid(String id, String start) {
    Instant s = Instant.parse(start);
    return Outage.builder().id(id).addScopes(Scope.of("grid")).window(s, s.plusSeconds(3600)).build();
  }

  @Test
  void anOutageIdHoldingABracketAndASlashStaysInItsRulesRow() {
    Policy perOutage = Policy.builder().id("p").version(1).effectiveFrom(Instant.parse("2007-01-01T00:00:00Z"))
        .rule(Rules.perOutage("each", Rules.flatAmount("flat", Money.parse("USD 1.00"), Money.parse("EUR 1.00"))))
        .rounding(Rounding.of(RoundingMode.HALF_UP)).build();
    SparkCredits job = SparkCredits.builder().policies(perOutage)
        .outages(java.util.List.of(hourOnGrid("INC]/1", "2007-12-03T15:00:00Z"),
            hourOnGrid("INC-2", "2007-12-05T15:00:00Z")))
        .period(YearMonth.of(2007, 12)).build();
    Dataset<Row> accounts = LocalSpark.session().read().schema(SparkSchemas.accounts())
        .json(Grid2007SparkTest.GRID.resolve("accounts.ndjson").toString());

    try (SparkCreditRun run = job.decide(accounts)) {
      // six grid accounts, five in USD and one in EUR, each USD or EUR 1.00 for each of the two
      // outages: USD 10.00 and EUR 2.00, each under one row
      assertThat(run.summary().byRule()).containsExactly(
          new LiabilitySummary.Subtotal("p v1 each/flat", Money.parse("EUR 2.00")),
          new LiabilitySummary.Subtotal("p v1 each/flat", Money.parse("USD 10.00")));
    }
  }
}
