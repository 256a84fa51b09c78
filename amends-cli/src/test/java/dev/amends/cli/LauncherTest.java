package dev.amends.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The jar's entry point on a Java older than 21: one line naming the Java found and saying to put
 * a JDK 21+ on PATH, and a non-zero exit, instead of {@code UnsupportedClassVersionError}.
 */
class LauncherTest {
  /** Debian's JDK 17, where it is installed; the test is skipped elsewhere. */
  private static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

  @Test
  void onJava17TheLauncherSaysInOneLineToPutAJdk21OnPath() throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(JAVA_17),
        "skipped: no JDK 17 at " + JAVA_17 + " to run the launcher with");
    // the module's classes as the jar holds them: the launcher compiled for Java 8, the rest for 21
    Process p = new ProcessBuilder(JAVA_17.toString(), "-cp", Path.of("target", "classes").toString(),
        "dev.amends.cli.Launcher", "--version").start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(out).isEmpty();
    assertThat(err.lines()).hasSize(1);
    assertThat(err).startsWith("amends needs Java 21 or newer, but this is Java 17 (")
        .contains("put a JDK 21+ first on PATH")
        .doesNotContain("UnsupportedClassVersionError");
  }

  @Test
  void readsTheFeatureReleaseOfEverySpecificationVersionStyle() {
    assertThat(Launcher.feature("1.8")).isEqualTo(8);
    assertThat(Launcher.feature("17")).isEqualTo(17);
    assertThat(Launcher.feature("21")).isEqualTo(21);
    assertThat(Launcher.feature("25.0.1")).isEqualTo(25);
    assertThat(Launcher.feature("unknown")).isZero();
  }
}
