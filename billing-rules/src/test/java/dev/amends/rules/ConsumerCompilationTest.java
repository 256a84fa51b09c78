package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer that builds accounts, subscriptions and a policy and asks the {@link CreditEngine}
 * compiles with {@code -Xlint:all -Werror} against exactly what a consumer gets: our classes and
 * our compile and runtime dependencies ({@code target/consumer-classpath.txt}, written by the
 * dependency plugin), on the class path and on the module path.
 */
class ConsumerCompilationTest {
  private static final String CONSUMER = """
      package demo;

      import dev.amends.core.account.Account;
      import dev.amends.core.account.PriceSchedule;
      import dev.amends.core.account.Subscription;
      import dev.amends.core.money.Rounding;
      import dev.amends.core.outage.Outage;
      import dev.amends.core.outage.OutageLog;
      import dev.amends.core.scope.Scope;
      import dev.amends.core.time.BillingPeriod;
      import dev.amends.rules.CreditDecision;
      import dev.amends.rules.CreditEngine;
      import dev.amends.rules.Policy;
      import dev.amends.rules.PolicyBook;
      import dev.amends.rules.Rules;
      import dev.amends.rules.Tier;
      import java.math.RoundingMode;
      import java.time.Instant;
      import java.time.YearMonth;
      import java.time.ZoneId;
      import java.util.List;
      import org.joda.money.CurrencyUnit;
      import org.joda.money.Money;

      public final class Consumer {
        private Consumer() {}

        public static CreditDecision decide() {
          Outage outage = Outage.builder().id("INC-1").addScopes(Scope.of("grid"))
              .window(Instant.parse("2007-12-01T05:00:00Z"), Instant.parse("2007-12-01T18:00:00Z"))
              .build();
          Account account = Account.builder().id("acct-1").currency(CurrencyUnit.USD)
              .zone(ZoneId.of("America/New_York"))
              .addSubscriptions(Subscription.builder().id("sub-1").plan("grid")
                  .prices(PriceSchedule.monthly(Money.parse("USD 20.00")))
                  .active(Instant.parse("2006-01-01T05:00:00Z"), Instant.MAX)
                  .addPlacements(Scope.of("grid")).build())
              .build();
          Policy sla = Policy.builder().id("grid-sla").version(1)
              .effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
              .rule(Rules.availabilityTiers("tiers", Tier.range("99.0", "99.9", "10")))
              .rounding(Rounding.of(RoundingMode.HALF_UP))
              .build();
          CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(sla))
              .outages(OutageLog.of(List.of(outage))).build();
          return engine.decide(account, BillingPeriod.month(YearMonth.of(2007, 12), account.zone()));
        }
      }
      """;

  private static final String CONSUMER_MODULE = """
      module demo {
        requires dev.amends.rules;
      }
      """;

  @Test
  void consumerOnTheClassPathCompilesWithoutAnyWarning(@TempDir Path dir) throws Exception {
    Path source = write(dir, "demo/Consumer.java", CONSUMER);

    Result result = javac(dir, "--class-path", path(consumerPath()), source.toString());

    assertThat(result.output()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void consumerModuleCompilesWithoutAnyWarning(@TempDir Path dir) throws Exception {
    Path source = write(dir, "demo/Consumer.java", CONSUMER);
    Path module = write(dir, "module-info.java", CONSUMER_MODULE);

    Result result = javac(dir, "--module-path", path(consumerPath()), module.toString(), source.toString());

    assertThat(result.output()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  /** Shows the check has teeth: without the Immutables annotations jar javac warns. */
  @Test
  void withoutTheImmutablesAnnotationsJarTheSameConsumerWarns(@TempDir Path dir) throws Exception {
    Path source = write(dir, "demo/Consumer.java", CONSUMER);
    List<String> withoutAnnotations = consumerPath().stream()
        .filter(entry -> !entry.contains("value-annotations"))
        .toList();

    Result result = javac(dir, "--class-path", path(withoutAnnotations), source.toString());

    assertThat(result.output()).contains("org.immutables.value.Generated");
    assertThat(result.exitCode()).isNotZero();
  }

  /** This module's classes, then our dependencies as a consumer gets them. */
  private static List<String> consumerPath() throws IOException, URISyntaxException {
    List<String> entries = new ArrayList<>();
    entries.add(Path.of(CreditEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    String listed = Files.readString(Path.of("target/consumer-classpath.txt")).strip();
    entries.addAll(Arrays.asList(listed.split(File.pathSeparator)));
    assertThat(entries).anyMatch(entry -> entry.contains("billing-core"));
    assertThat(entries).noneMatch(entry -> entry.contains("junit") || entry.contains("assertj"));
    return entries;
  }

  private static String path(List<String> entries) {
    return entries.stream().collect(Collectors.joining(File.pathSeparator));
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve("src").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static Result javac(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(
        "--release", "21", "-Xlint:all", "-Werror", "-d", dir.resolve("classes").toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    int exitCode;
    try (PrintWriter writer = new PrintWriter(out)) {
      exitCode = javac.run(writer, writer, all.toArray(String[]::new));
    }
    return new Result(exitCode, out.toString());
  }

  private record Result(int exitCode, String output) {}
}
