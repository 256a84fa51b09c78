package dev.amends.benchmarks;

import dev.amends.rules.json.PolicyDocuments;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long a policy document takes to load ({@link PolicyDocuments#read(Path)}: read, check,
 * build): the first load in this JVM (cold, Jackson's and Amends' classes loaded on the way), then
 * the median and the fastest of 200 more (warm).
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
    long start = System.nanoTime();
    PolicyDocuments.standard().read(file);
    long cold = System.nanoTime() - start;
    long[] warm = new long[200];
    for (int i = 0; i < warm.length; i++) {
      long s = System.nanoTime();
      PolicyDocuments.standard().read(file);
      warm[i] = System.nanoTime() - s;
    }
    Arrays.sort(warm);
    System.out.printf("policy load: cold %.1f ms, warm median %.3f ms (fastest %.3f ms) of %d%n",
        cold / 1e6, warm[warm.length / 2] / 1e6, warm[0] / 1e6, warm.length);
  }
}
