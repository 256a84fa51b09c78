package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same fleet, decided with 1 and with 4 threads and with its lines shuffled, gives the same
 * decisions byte for byte and the same idempotency keys.
 */
class DeterminismTest {
  static final int SIZE = 2000;
  static final Pattern KEY = Pattern.compile("\"key\":\"(cr-[^\"]+)\"");
  static final Pattern INDEX = Pattern.compile("\"index\":\\d+,");

  @TempDir
  static Path tmp;

  static Run oneThread;
  static Run fourThreads;
  static Run shuffled;

  @BeforeAll
  static void runTheFleetThreeWays() {
    List<String> lines = Fleet.accounts(SIZE);
    Path inOrder = Fleet.write(tmp.resolve("accounts.ndjson"), lines);
    List<String> mixed = new ArrayList<>(lines);
    Collections.shuffle(mixed, new Random(20071201L));
    Path shuffledFile = Fleet.write(tmp.resolve("shuffled.ndjson"), mixed);

    oneThread = run(credit(inOrder, 1));
    fourThreads = run(credit(inOrder, 4));
    shuffled = run(credit(shuffledFile, 4));
  }

  static String[] credit(Path accounts, int threads) {
    return new String[] {"credit", "--policy", AmendsCliTest.POLICY, "--accounts", accounts.toString(),
        "--outages", AmendsCliTest.OUTAGES, "--period", "2007-12", "--threads", Integer.toString(threads)};
  }

  @Test
  void oneAndFourThreadsWriteTheSameBytes() {
    assertThat(oneThread.exit()).isZero();
    assertThat(fourThreads.exit()).isZero();
    assertThat(oneThread.out().lines()).hasSize(SIZE);
    // the output is in input order whatever the threads, so the whole output compares, not only sorted
    assertThat(fourThreads.out()).isEqualTo(oneThread.out());
  }

  @Test
  void shuffledInputGivesTheSameDecisionForEveryAccount() {
    assertThat(shuffled.exit()).isZero();
    // "index" is the line's position in the input, the one field a shuffle must change: it is
    // removed from both sides; every other byte of each account's line must be the same
    Map<String, String> expected = withoutIndex(oneThread.out());
    Map<String, String> actual = withoutIndex(shuffled.out());
    assertThat(actual).hasSize(SIZE);
    assertThat(actual).isEqualTo(expected);
    // and the index did follow the shuffle: the first line of the shuffled run has index 0
    assertThat(shuffled.out().lines().findFirst().orElseThrow()).startsWith("{\"result\":\"decided\",\"index\":0,");
  }

  @Test
  void theIdempotencyKeysAreTheSameInEveryRun() {
    Set<String> keys = keys(oneThread.out());
    // the cluster-2 accounts (every third, from acct-00001) get a credit line each
    assertThat(keys).hasSize(667).allSatisfy(k -> assertThat(k).startsWith("cr-"));
    assertThat(keys(fourThreads.out())).isEqualTo(keys);
    assertThat(keys(shuffled.out())).isEqualTo(keys);
  }

  @Test
  void theSummaryIsTheSameWhateverTheThreadsOrTheOrder() {
    assertThat(oneThread.err()).contains("Summary", "Credits per currency", "\nRun\n");
    assertThat(withoutRunFigures(fourThreads.err())).isEqualTo(withoutRunFigures(oneThread.err()));
    assertThat(withoutRunFigures(shuffled.err())).isEqualTo(withoutRunFigures(oneThread.err()));
  }

  /** The summary without its last block, "Run": elapsed time, rate and memory differ from run to run. */
  static String withoutRunFigures(String err) {
    int run = err.lastIndexOf("\nRun\n");
    assertThat(run).as("the Run block in %s", err).isPositive();
    return err.substring(0, run);
  }

  /** Each output line without its {@code "index":N,} field, by account id. */
  static Map<String, String> withoutIndex(String out) {
    Map<String, String> m = new TreeMap<>();
    Fleet.byAccount(out).forEach((id, line) -> {
      Matcher index = INDEX.matcher(line);
      assertThat(index.find()).as("index field in %s", line).isTrue();
      m.put(id, index.replaceFirst(""));
    });
    return m;
  }

  static Set<String> keys(String out) {
    Set<String> keys = new TreeSet<>();
    Matcher m = KEY.matcher(out);
    while (m.find()) {
      assertThat(keys.add(m.group(1))).as("key %s twice", m.group(1)).isTrue();
    }
    return keys;
  }
}
