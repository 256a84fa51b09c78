package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import dev.amends.rules.json.RecordWriter;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ends of {@code amends credit} around the engine, timed by the thread's own CPU time as
 * {@link FleetCpuTime} times the engine: reading the fleet's account lines ({@link
 * RecordFormat#ACCOUNTS}, from UTF-8 bytes in memory, as the command's read-ahead thread reads the
 * accounts file) and writing its decisions ({@link DecisionJson#writer}, through a 64 KiB buffered
 * UTF-8 writer into nothing, as the command's write-behind thread writes {@code --out}). A plain
 * main that alternates whole passes of each, after warm-up passes, and prints lines per CPU-second;
 * steadier than the 1M run's CPU per thread on a shared machine, for comparing changes side by side.
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.amends.benchmarks.ReadWriteCpuTime 100000 5 5
 * </pre>
 * (accounts, warm-up passes, measured passes).
 */
public final class ReadWriteCpuTime {
  private ReadWriteCpuTime() {}

  /**
   * Runs the comparison.
   *
   * @param args accounts (default 100,000), warm-up passes (default 5), measured passes (default 5)
   * @throws IOException never: everything is in memory
   */
  public static void main(String[] args) throws IOException {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Fleet fleet = Fleet.generate(2026L, accounts, 200, 20_000);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (RecordWriter<Account> w = RecordFormat.ACCOUNTS.writer(text)) {
      fleet.accounts().forEach(w::write);
    }
    byte[] lines = text.toByteArray();
    Account[] array = fleet.accounts().toArray(new Account[0]);
    BillingPeriod[] periods = new BillingPeriod[array.length];
    for (int i = 0; i < periods.length; i++) {
      periods[i] = fleet.period(array[i]);
    }
    DecisionRequest[] requests = FleetThroughput.requests(array, periods);
    CreditEngine engine = fleet.engine(false);
    List<BatchResult> results = new ArrayList<>(array.length);
    FleetThroughput.batch(engine, requests, FleetThroughput.ONE_THREAD).forEachRemaining(results::add);
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long checksum = 0;
    for (int pass = -warmups; pass < passes; pass++) {
      long t0 = bean.getCurrentThreadCpuTime();
      try (RecordReader<Account> in = RecordFormat.ACCOUNTS.reader(new ByteArrayInputStream(lines), "fleet")) {
        while (in.hasNext()) {
          if (in.next() instanceof RecordLine.Accepted<Account> a) {
            checksum += a.record().subscriptions().size();
          } else {
            throw new IllegalStateException("a fleet line was rejected");
          }
        }
      }
      long t1 = bean.getCurrentThreadCpuTime();
      Counting bytes = new Counting();
      try (RecordWriter<BatchResult> out = DecisionJson.writer(
          new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16))) {
        results.forEach(out::write);
      }
      long t2 = bean.getCurrentThreadCpuTime();
      checksum += bytes.count;
      System.out.printf("%s pass %d: read %,.0f account lines/cpu-s, write %,.0f decisions/cpu-s (%,d bytes)%n",
          pass < 0 ? "warm-up" : "measured", pass < 0 ? pass + warmups + 1 : pass + 1,
          accounts * 1e9 / (t1 - t0), accounts * 1e9 / (t2 - t1), bytes.count);
    }
    System.out.println("(checksum " + checksum + ")");
  }

  /** Counts the bytes written to it, and keeps none. */
  private static final class Counting extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
