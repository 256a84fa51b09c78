package dev.amends.spark;

import dev.amends.benchmarks.Fleet;
import dev.amends.benchmarks.WriteFleet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The benchmarks' generated fleet, written once per test JVM into a temporary directory by {@link
 * WriteFleet}, with {@link #BAD_LINES} corrupted lines mixed into its accounts file at known
 * places, and a copy of that file with every line shuffled.
 */
final class FleetFiles {
  /** Good accounts in the fleet. */
  static final int ACCOUNTS = 100_000;

  /** Bad lines mixed in: each kind below, several times. */
  static final List<String> BAD = List.of(
      "{\"id\":\"bad-1\",\"currency\":\"USD\"",                                            // not JSON: cut short
      "not json at all",                                                                   // not JSON
      "{\"id\":\"bad-2\",\"currency\":\"XYZ\",\"zone\":\"UTC\",\"subscriptions\":[]}",       // unknown currency
      "{\"id\":\"bad-3\",\"currency\":\"USD\",\"zone\":\"Mars/Olympus\",\"subscriptions\":[]}", // unknown zone
      "{\"id\":\"bad-4\",\"currency\":\"USD\",\"zone\":\"UTC\",\"colour\":\"red\",\"subscriptions\":[]}", // unknown field
      "{\"currency\":\"USD\",\"zone\":\"UTC\",\"subscriptions\":[]}",                         // no id
      "[1,2,3]");                                                                          // not a record

  /** Every bad line is written this many times, spread over the file. */
  static final int REPEATS = 5;

  /** Bad lines in each accounts file. */
  static final int BAD_LINES = BAD.size() * REPEATS;

  private static Path dir;

  private FleetFiles() {}

  /** The directory: accounts.ndjson, shuffled/accounts.ndjson, outages.ndjson, policy.json, campaign.json. */
  static synchronized Path dir() {
    if (dir == null) {
      try {
        Path d = Files.createTempDirectory("amends-spark-fleet");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteAll(d)));
        WriteFleet.write(d, WriteFleet.DEFAULT_SEED, ACCOUNTS, 20, 2_000);
        Path accounts = d.resolve(WriteFleet.ACCOUNTS);
        List<String> lines = new ArrayList<>(Files.readAllLines(accounts, StandardCharsets.UTF_8));
        int gap = lines.size() / (BAD_LINES + 1);
        for (int i = BAD_LINES; i >= 1; i--) {
          lines.add(i * gap, BAD.get(i % BAD.size()));
        }
        write(accounts, lines);
        Collections.shuffle(lines, new Random(17));
        Files.createDirectories(d.resolve("shuffled"));
        write(d.resolve("shuffled").resolve(WriteFleet.ACCOUNTS), lines);
        dir = d;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  /** The month the fleet is decided for. */
  static String period() {
    return Fleet.MONTH.toString();
  }

  /** Removes the directory and everything in it, at the JVM's end; what cannot be removed stays. */
  private static void deleteAll(Path d) {
    try (var paths = Files.walk(d)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory: the system cleans it up in the end
    }
  }

  private static void write(Path file, List<String> lines) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (String l : lines) {
        out.write(l.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    }
  }
}
