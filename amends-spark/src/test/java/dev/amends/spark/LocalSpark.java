package dev.amends.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local session of the test JVM: two cores, and up to four attempts per task ({@code
 * local[2,4]}, so a failed task is retried as on a cluster); no UI; few shuffle partitions.
 * Surefire's argLine gives the JVM the flags spark-submit would (see the module's pom).
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2,4]")
          .appName("amends-spark tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
