package dev.amends.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code amends-cli/amends}: the jar's output and exit code are the same with
 * a cache (an AOT cache on JDK 25+, an AppCDS archive on 19 to 24), without one, with a damaged one,
 * while one is trained and where none can be written; the cache is only ever an optimisation. The jar run is a tiny one made here ({@link Hello}), so that the test needs
 * no packaged amends-cli.jar and stays fast.
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("amends").toAbsolutePath();
  private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

  @TempDir
  Path dir;

  private Path jar;
  private Path cache;

  /** What the tiny jar runs: its arguments on standard output, exit code 0 (3 after "fail"). */
  public static final class Hello {
    private Hello() {}

    /**
     * Prints {@code hello} and the arguments; exits with 3 when the first is {@code fail}.
     *
     * @param args anything
     */
    public static void main(String[] args) {
      System.out.println("hello " + String.join(" ", args));
      if (args.length > 0 && args[0].equals("fail")) {
        System.exit(3);
      }
    }
  }

  @BeforeEach
  void tinyJar() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: no bash");
    jar = dir.resolve("hello.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Hello.class.getName());
    String entry = Hello.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = Hello.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    cache = dir.resolve("cache");
  }

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    return run(JAVA_HOME, env, args);
  }

  private Run run(Path javaHome, Map<String, String> env, String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of("/bin/bash", SCRIPT.toString()), Stream.of(args))
        .toList());
    pb.environment().put("AMENDS_JAR", jar.toString());
    pb.environment().put("JAVA_HOME", javaHome.toString());
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().remove("AMENDS_CDS");
    pb.environment().remove("AMENDS_JAVA_OPTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  /** The caches (AOT caches and AppCDS archives) in the cache directory. */
  private List<Path> archives() throws IOException {
    return cacheFiles().stream().filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot")).toList();
  }

  private List<Path> cacheFiles() throws IOException {
    Path folder = cache.resolve("amends");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  /** This JDK can write an application archive on top of its own (19+, with classes.jsa). */
  private static boolean archivesPossible() {
    return Runtime.version().feature() >= 19 && Files.isRegularFile(JAVA_HOME.resolve("lib/server/classes.jsa"));
  }

  /** This JDK makes AOT caches: 25+ (JEP 483's cache with JEP 515's method profiles). */
  private static boolean aotCaches() {
    return archivesPossible() && Runtime.version().feature() >= 25;
  }

  private static byte[] magic(Path archive) throws IOException {
    byte[] magic = new byte[4];
    try (InputStream in = Files.newInputStream(archive)) {
      assertThat(in.readNBytes(magic, 0, 4)).isEqualTo(4);
    }
    return magic;
  }

  /**
   * A JDK home that says it is {@code version} in its release file and runs this JDK's java
   * through a script (so the launcher reads that release file), with a classes.jsa.
   */
  private Path jdkCalled(String version) throws IOException {
    Path home = dir.resolve("jdk-" + version);
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("lib/server"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = home.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\nexec '" + JAVA_HOME.resolve("bin/java") + "' \"$@\"\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    // the launcher only asks whether the JDK has an archive of its own; this JDK's java uses its own
    Files.createFile(home.resolve("lib/server/classes.jsa"));
    return home;
  }

  /**
   * Runs the jar until the launcher has a cache: once on JDK 19 to 24 (the run writes the archive),
   * twice on JDK 25+ (the first run trains, the second assembles the cache before its command);
   * every run prints only what the jar prints.
   */
  private Path cacheMade() throws Exception {
    assertThat(run(Map.of(), "m")).isEqualTo(new Run(0, "hello m\n", ""));
    if (aotCaches()) {
      assertThat(archives()).isEmpty();
      assertThat(run(Map.of(), "n")).isEqualTo(new Run(0, "hello n\n", ""));
    }
    assertThat(archives()).hasSize(1);
    return archives().get(0);
  }

  @Test
  void theFirstRunsMakeTheCacheAndEveryRunPrintsOnlyWhatTheJarPrints() throws Exception {
    Assumptions.assumeTrue(archivesPossible(), "skipped: this JDK cannot write an application archive");
    Run first = run(Map.of(), "a", "b");
    assertThat(first).isEqualTo(new Run(0, "hello a b\n", ""));
    if (aotCaches()) {
      // JDK 25+: the first run is the training run, which leaves its record; the next run
      // assembles the AOT cache from it (a static archive: 0xf00baba2, little-endian) and maps it
      assertThat(archives()).isEmpty();
      assertThat(cacheFiles()).anyMatch(f -> f.getFileName().toString().contains(".aotconf."));
      assertThat(run(Map.of(), "c", "d")).isEqualTo(new Run(0, "hello c d\n", ""));
      assertThat(archives()).hasSize(1);
      Path archive = archives().get(0);
      assertThat(archive.getFileName().toString()).endsWith(".aot");
      assertThat(magic(archive)).containsExactly(0xa2, 0xab, 0x0b, 0xf0);
      // no record and no temporary file left, only the probe's answer
      assertThat(cacheFiles()).allMatch(f -> f.equals(archive) || f.toString().endsWith(".trains"));
    } else {
      // a dynamic archive, written on the first run's exit, starts with 0xf00baba8, little-endian
      assertThat(archives()).hasSize(1);
      assertThat(magic(archives().get(0))).containsExactly(0xa8, 0xab, 0x0b, 0xf0);
    }
    Path archive = archives().get(0);

    Run next = run(Map.of(), "e");
    assertThat(next).isEqualTo(new Run(0, "hello e\n", ""));
    assertThat(archives()).containsExactly(archive);
  }

  @Test
  void aFileThatIsNotAnArchiveIsReplacedWithoutAWordOnEitherStream() throws Exception {
    Assumptions.assumeTrue(archivesPossible(), "skipped: this JDK cannot write an application archive");
    Path archive = cacheMade();
    archive.toFile().setWritable(true);
    Files.write(archive, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    assertThat(run(Map.of(), "x")).isEqualTo(new Run(0, "hello x\n", ""));
    if (aotCaches()) {
      // removed, and that run trained: the next one assembles a new cache
      assertThat(archives()).isEmpty();
      assertThat(run(Map.of(), "w")).isEqualTo(new Run(0, "hello w\n", ""));
    }
    assertThat(archives()).containsExactly(archive);
    assertThat(Files.size(archive)).isGreaterThan(8);
  }

  @Test
  void aRebuiltJarGetsANewArchiveAndTheOldOneGoes() throws Exception {
    Assumptions.assumeTrue(archivesPossible(), "skipped: this JDK cannot write an application archive");
    Path before = cacheMade();
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() + 60_000));

    assertThat(run(Map.of(), "y")).isEqualTo(new Run(0, "hello y\n", ""));
    assertThat(archives()).doesNotContain(before);
    if (aotCaches()) {
      assertThat(run(Map.of(), "v")).isEqualTo(new Run(0, "hello v\n", ""));
    }
    assertThat(archives()).hasSize(1).doesNotContain(before);
  }

  @Test
  void aJdkOf19To24GetsADynamicAppCdsArchive() throws Exception {
    Assumptions.assumeTrue(archivesPossible(), "skipped: this JDK cannot write an application archive");
    Path jdk24 = jdkCalled("24.0.2");

    assertThat(run(jdk24, Map.of(), "d")).isEqualTo(new Run(0, "hello d\n", ""));
    assertThat(archives()).hasSize(1);
    Path archive = archives().get(0);
    assertThat(archive.getFileName().toString()).endsWith(".jsa");
    assertThat(magic(archive)).containsExactly(0xa8, 0xab, 0x0b, 0xf0);
    assertThat(run(jdk24, Map.of(), "e")).isEqualTo(new Run(0, "hello e\n", ""));
    assertThat(archives()).containsExactly(archive);
  }

  @Test
  void aJdkOlderThan19RunsTheJarWithoutACache() throws Exception {
    Assumptions.assumeTrue(archivesPossible(), "skipped: this JDK has no archive of its own");

    assertThat(run(jdkCalled("17.0.9"), Map.of(), "f")).isEqualTo(new Run(0, "hello f\n", ""));
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void aTrainingRunThatFailsKeepsItsExitCodeAndItsOutputAndTheNextRunStillGetsACache() throws Exception {
    Assumptions.assumeTrue(aotCaches(), "skipped: this JDK makes no AOT cache");

    assertThat(run(Map.of(), "fail")).isEqualTo(new Run(3, "hello fail\n", ""));
    assertThat(run(Map.of(), "fail", "again")).isEqualTo(new Run(3, "hello fail again\n", ""));
    assertThat(archives()).hasSize(1);
    assertThat(run(Map.of(), "g")).isEqualTo(new Run(0, "hello g\n", ""));
  }

  @Test
  void aJavaThatRefusesTheTrainingOptionsRunsTheJarWithoutACache() throws Exception {
    Assumptions.assumeTrue(aotCaches(), "skipped: this JDK makes no AOT cache");
    // a java that stops at -XX:AOTMode=record, as one that cannot record would (the probe's
    // java -version); the jar itself runs
    Path home = jdkCalled("25.0.1");
    Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nfor a; do [ \"$a\" = -XX:AOTMode=record ] && exit 1; done\n"
        + "exec '" + JAVA_HOME.resolve("bin/java") + "' \"$@\"\n");

    assertThat(run(home, Map.of(), "i")).isEqualTo(new Run(0, "hello i\n", ""));
    assertThat(run(home, Map.of(), "j")).isEqualTo(new Run(0, "hello j\n", ""));
    assertThat(archives()).isEmpty();
    assertThat(cacheFiles()).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".refused"));
  }

  @Test
  void theUsersOwnSharingOptionsWinAndNoCacheIsAdded() throws Exception {
    // with ours added, -Xshare:off would stop the JVM before the jar runs
    Run r = run(Map.of("AMENDS_JAVA_OPTS", "-Xshare:off"), "h");

    assertThat(r).isEqualTo(new Run(0, "hello h\n", ""));
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void aCacheThatCannotBeWrittenRunsTheJarWithoutAnArchive() throws Exception {
    Files.writeString(cache, "a file where the cache directory would be");

    assertThat(run(Map.of(), "z")).isEqualTo(new Run(0, "hello z\n", ""));
    assertThat(Files.readString(cache)).isEqualTo("a file where the cache directory would be");
  }

  @Test
  void amendsCdsOffRunsTheJarWithoutAnArchive() throws Exception {
    assertThat(run(Map.of("AMENDS_CDS", "off"), "q")).isEqualTo(new Run(0, "hello q\n", ""));
    assertThat(archives()).isEmpty();
  }

  @Test
  void aMissingJarIsNamedWithExitCode2() throws Exception {
    Files.delete(jar);

    Run r = run(Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("amends: " + jar + " is missing; build it first: "
        + "mvn -B -ntp -pl amends-cli -am package -DskipTests\n");
  }
}
