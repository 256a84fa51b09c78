package dev.amends.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.account.Account;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditLine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** The benchmark's setup and every side runs, and the fleet size must be whole chunks. */
class FleetThroughputTest {
  private static final Blackhole SINK = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  @Test
  void everySideDecidesAWholePassAndWrapsRound() {
    FleetThroughput b = new FleetThroughput();
    b.accounts = 2_000;
    b.setUp();

    // Two chunks of 1,000 are one pass; the third invocation starts the next pass.
    for (int i = 0; i < 3; i++) {
      b.amends(SINK);
      b.amendsAllCores(SINK);
      b.amendsTraced(SINK);
      b.handWritten(SINK);
    }

    assertThat(FleetThroughput.CHUNK).isEqualTo(1_000);
  }

  @Test
  void aBatchEndingEarlyIsAnErrorNotAShorterChunk() {
    Fleet fleet = Fleet.generate(2026L, 3, 200, 20_000);
    Account[] accounts = fleet.accounts().toArray(new Account[0]);
    BillingPeriod[] periods = new BillingPeriod[accounts.length];
    for (int i = 0; i < accounts.length; i++) {
      periods[i] = fleet.period(accounts[i]);
    }
    Iterator<BatchResult> batch = FleetThroughput.batch(fleet.engine(), FleetThroughput.requests(accounts, periods),
        FleetThroughput.ONE_THREAD);
    List<List<CreditLine>> seen = new ArrayList<>();

    assertThatThrownBy(() -> FleetThroughput.take(batch, 4, seen::add))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the batch ended after 3 of 4 results");
    assertThat(seen).hasSize(3);
  }

  @Test
  void aFleetThatIsNotWholeChunksIsRefused() {
    FleetThroughput b = new FleetThroughput();
    b.accounts = 1_500;

    assertThatThrownBy(b::setUp)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 1000: 1500");
  }
}
