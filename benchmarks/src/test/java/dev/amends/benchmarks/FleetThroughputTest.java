package dev.amends.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
      b.amendsTraced(SINK);
      b.handWritten(SINK);
    }

    assertThat(FleetThroughput.CHUNK).isEqualTo(1_000);
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
