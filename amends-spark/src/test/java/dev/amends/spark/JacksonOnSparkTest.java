package dev.amends.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.amends.rules.Policy;
import dev.amends.rules.json.PolicyDocuments;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Spark 4.2's Jackson 2 ({@code com.fasterxml.jackson}) and Amends' Jackson 3 ({@code
 * tools.jackson}) live in one JVM. Both use the 2.x {@code jackson-annotations}: the build resolves
 * 2.23 (Jackson 3.3's), which Spark's Jackson 2.21 accepts; on a cluster Spark's own 2.21 comes
 * first on the class path, and Amends reads and writes the same with it.
 */
class JacksonOnSparkTest {
  @Test
  void sparksJackson2AndAmendsJackson3WorkInOneJvm() throws Exception {
    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion()).isEqualTo(2);
    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion()).isEqualTo(21);
    assertThat(tools.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion()).isEqualTo(3);
    assertThat(location(JsonFormat.class)).contains("jackson-annotations-2.23");

    // Spark parses JSON with its Jackson 2; Amends reads a policy with its Jackson 3
    Dataset<Row> parsed = LocalSpark.session().read()
        .json(LocalSpark.session().createDataset(List.of("{\"amount\":\"20.00\",\"currency\":\"USD\"}"), Encoders.STRING()));
    assertThat(parsed.first().<String>getAs("amount")).isEqualTo("20.00");
    Policy policy = PolicyDocuments.standard().read(Grid2007SparkTest.GRID.resolve("policy.json")).value();
    assertThat(policy.id()).isEqualTo("grid-sla");
  }

  @Test
  void amendsDecidesTheSameWithSparksOwnJacksonAnnotations() throws Exception {
    Path sparkJars = Path.of(System.getProperty("spark.jars.dir", "target/spark-jars"));
    List<URL> urls = new ArrayList<>();
    urls.add(sparkJars.resolve("jackson-annotations-2.21.jar").toUri().toURL());
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.contains("jackson-annotations")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> probe = loader.loadClass(JacksonProbe.class.getName());
      String[] result = (String[]) probe.getMethod("decideAcme", String.class)
          .invoke(null, Grid2007SparkTest.GRID.toString());
      assertThat(result[0]).endsWith("jackson-annotations-2.21.jar");
      // acme: USD 2.00 for the overrun and USD 40.00 of goodwill, as with 2.23
      assertThat(result[1]).isEqualTo(JacksonProbe.decideAcme(Grid2007SparkTest.GRID.toString())[1])
          .contains("\"totals\":[{\"amount\":\"42.00\",\"currency\":\"USD\"}]");
    }
  }

  static String location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().toString();
  }
}
