package dev.amends.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module {@code dev.amends.core}: what it exports, to whom, and what it needs. */
class ModuleBoundaryTest {
  private static final Module CORE = Account.class.getModule();

  @Test
  void testsRunInsideTheNamedModule() {
    assertThat(CORE.isNamed()).isTrue();
    assertThat(CORE.getName()).isEqualTo("dev.amends.core");
  }

  /** The descriptor as built, read from the main classes (the running one also has the tests). */
  private static ModuleDescriptor built() throws Exception {
    Path classes = Path.of(Account.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(classes).find("dev.amends.core").orElseThrow().descriptor();
  }

  @Test
  void exportsEveryPackageButInternalToEveryone() throws Exception {
    ModuleDescriptor descriptor = built();
    Set<String> unqualified = descriptor.exports().stream()
        .filter(e -> !e.isQualified())
        .map(Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(unqualified).containsExactly(
        "dev.amends.core",
        "dev.amends.core.account",
        "dev.amends.core.measure",
        "dev.amends.core.money",
        "dev.amends.core.outage",
        "dev.amends.core.scope",
        "dev.amends.core.telemetry",
        "dev.amends.core.time");
    Set<String> unexported = new TreeSet<>(descriptor.packages());
    unexported.removeAll(unqualified);
    assertThat(unexported).containsExactly("dev.amends.core.internal", "dev.amends.core.money.internal");
  }

  @Test
  void exportsInternalOnlyToTheRulesModule() {
    Map<String, Set<String>> qualified = CORE.getDescriptor().exports().stream()
        .filter(Exports::isQualified)
        .collect(Collectors.toMap(Exports::source, Exports::targets));

    assertThat(qualified).containsOnly(Map.entry("dev.amends.core.internal", Set.of("dev.amends.rules")),
        Map.entry("dev.amends.core.money.internal", Set.of("dev.amends.rules")));
  }

  @Test
  void needsImmutablesAnnotationsOnlyAtCompileTime() {
    Map<String, Set<Requires.Modifier>> requires = CORE.getDescriptor().requires().stream()
        .collect(Collectors.toMap(Requires::name, Requires::modifiers));

    assertThat(requires.get("org.immutables.value.annotations")).contains(Requires.Modifier.STATIC);
    assertThat(requires.get("org.joda.money")).containsExactly(Requires.Modifier.TRANSITIVE);
    assertThat(requires.get("org.threeten.extra")).containsExactly(Requires.Modifier.TRANSITIVE);
  }
}
