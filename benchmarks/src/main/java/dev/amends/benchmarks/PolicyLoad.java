package dev.amends.benchmarks;

import dev.amends.rules.json.PolicyDocuments;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long a policy document takes to load ({@link PolicyDocuments#read(Path)}: read, check,
 * build): the first load in this JVM (cold, Jackson's and Amends' classes loaded on the way), then
 * the median and the fastest of 200 more (warm). The cold load is given as elapsed time and as
 * the CPU time of the loading thread, which a busy machine inflates much less, with the number of
 * classes it loaded; and, since an AOT cache (JDK 25+) loads and links classes as the JVM starts,
 * before the timer, the whole process up to the end of the cold load: the time since it started
 * and its CPU time (all threads, the JVM's start included). Run it with an AppCDS archive or an AOT
 * cache to see what they save (README, "Cold policy load").
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.amends.benchmarks.PolicyLoad POLICY.json
 * }</pre>
 */
public final class PolicyLoad {
  private PolicyLoad() {}

  /**
   * Loads the policy given and prints the times on standard output.
   *
   * @param args the policy document's path
   */
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    long classesBefore = classes.getTotalLoadedClassCount();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    PolicyDocuments.standard().read(file);
    long cold = System.nanoTime() - start;
    long coldCpu = threads.getCurrentThreadCpuTime() - cpuStart;
    long coldClasses = classes.getTotalLoadedClassCount() - classesBefore;
    long coldEnd = System.currentTimeMillis();
    long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    long sinceStart = ProcessHandle.current().info().startInstant()
        .map(started -> coldEnd - started.toEpochMilli())
        .orElse(-1L);
    long[] warm = new long[200];
    for (int i = 0; i < warm.length; i++) {
      long s = System.nanoTime();
      PolicyDocuments.standard().read(file);
      warm[i] = System.nanoTime() - s;
    }
    Arrays.sort(warm);
    System.out.printf(
        "policy load: cold %.1f ms (%.1f ms CPU, %d classes loaded), warm median %.3f ms (fastest %.3f ms) of %d;"
            + " the process to the end of the cold load: %d ms since it started, %.0f ms CPU%n",
        cold / 1e6, coldCpu / 1e6, coldClasses, warm[warm.length / 2] / 1e6, warm[0] / 1e6, warm.length,
        sinceStart, processCpu / 1e6);
  }
}
