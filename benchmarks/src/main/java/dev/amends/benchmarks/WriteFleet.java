package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.outage.Outage;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Fleet} as the files {@code amends credit} reads: {@value #ACCOUNTS} and
 * {@value #OUTAGES} (NDJSON, {@link RecordFormat}), {@value #POLICY} (the SLA policy's
 * canonical document, {@link PolicyDocuments#write(dev.amends.rules.Policy)}) and {@value
 * #CAMPAIGN} (the goodwill campaign's, {@link CampaignDocuments#write(dev.amends.rules.Campaign)}).
 * Accounts are streamed to the file as they are generated, so the
 * canonical million needs no more heap than the outages.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.amends.benchmarks.WriteFleet DIR [SEED [ACCOUNTS CLUSTERS OUTAGES]]
 * java -cp benchmarks/target/benchmarks.jar dev.amends.benchmarks.WriteFleet DIR SEED ACCOUNTS SHAPE
 * }</pre>
 *
 * <p>Defaults: seed 42 and the canonical sizes (1,000,000 accounts, 200 clusters, 20,000
 * outages). {@code SHAPE} names a {@link Fleet.Shape} ({@code canonical} or {@code issue16}). The
 * same arguments give the same bytes.
 */
public final class WriteFleet {
  /** The accounts file's name. */
  public static final String ACCOUNTS = "accounts.ndjson";
  /** The outages file's name. */
  public static final String OUTAGES = "outages.ndjson";
  /** The policy file's name. */
  public static final String POLICY = "policy.json";
  /** The goodwill campaign file's name. */
  public static final String CAMPAIGN = "campaign.json";
  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42L;

  private WriteFleet() {}

  /**
   * Writes the fleet's files into a directory, creating it if needed, replacing files there.
   *
   * @param dir the directory, not null
   * @param seed the random seed
   * @param accounts how many accounts, positive
   * @param clusters how many clusters, positive
   * @param outages how many outage records, the long one included, positive
   * @return the fleet written, without its accounts ({@link Fleet#generate(long, int, int, int,
   *     java.util.function.Consumer)})
   * @throws UncheckedIOException if a file cannot be written
   * @throws IllegalArgumentException if a count is not positive
   */
  public static Fleet write(Path dir, long seed, int accounts, int clusters, int outages) {
    return write(dir, seed, accounts,
        new Fleet.Shape(clusters, Fleet.CLUSTERS_PER_SERVICE, Fleet.NODES_PER_CLUSTER, outages));
  }

  /**
   * Writes the fleet of a given shape's files into a directory, as {@link #write(Path, long, int,
   * int, int)} does.
   *
   * @param dir the directory, not null
   * @param seed the random seed
   * @param accounts how many accounts, positive
   * @param shape the service tree and the outages' count, not null
   * @return the fleet written, without its accounts
   * @throws UncheckedIOException if a file cannot be written
   * @throws IllegalArgumentException if a count is not positive
   */
  public static Fleet write(Path dir, long seed, int accounts, Fleet.Shape shape) {
    try {
      Files.createDirectories(dir);
      Fleet fleet;
      try (RecordWriter<Account> out = RecordFormat.ACCOUNTS.writer(
          new BufferedOutputStream(Files.newOutputStream(dir.resolve(ACCOUNTS)), 1 << 16))) {
        fleet = Fleet.generate(seed, accounts, shape, out::write);
      }
      try (RecordWriter<Outage> out = RecordFormat.OUTAGES.writer(Files.newOutputStream(dir.resolve(OUTAGES)))) {
        fleet.outages().forEach(out::write);
      }
      Files.writeString(dir.resolve(POLICY), PolicyDocuments.write(Fleet.policy()) + "\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(CAMPAIGN), CampaignDocuments.write(fleet.campaign()) + "\n", StandardCharsets.UTF_8);
      return fleet;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code WriteFleet DIR [SEED [ACCOUNTS CLUSTERS OUTAGES]]}: writes the fleet and says what it
   * wrote on standard error.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    if (args.length != 1 && args.length != 2 && args.length != 4 && args.length != 5) {
      System.err.println("usage: WriteFleet DIR [SEED [ACCOUNTS CLUSTERS OUTAGES]] | WriteFleet DIR SEED ACCOUNTS SHAPE");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    Fleet.Shape shape = args.length == 4 ? Fleet.Shape.named(args[3])
        : args.length == 5 ? new Fleet.Shape(Integer.parseInt(args[3]), Fleet.CLUSTERS_PER_SERVICE,
            Fleet.NODES_PER_CLUSTER, Integer.parseInt(args[4]))
        : Fleet.Shape.CANONICAL;
    long start = System.nanoTime();
    write(dir, seed, accounts, shape);
    System.err.printf("wrote %,d accounts, %d clusters of %d nodes (%d to a service), %,d outages (seed %d) to %s in %.1f s%n",
        accounts, shape.clusters(), shape.nodesPerCluster(), shape.clustersPerService(), shape.outages(), seed, dir,
        (System.nanoTime() - start) / 1e9);
  }
}
