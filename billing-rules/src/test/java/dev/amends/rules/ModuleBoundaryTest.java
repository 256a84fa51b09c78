package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.InvalidInputException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module {@code dev.amends.rules}: what it exports and what it reads of billing-core. */
class ModuleBoundaryTest {
  private static final Module RULES = CreditEngine.class.getModule();
  private static final Module CORE = InvalidInputException.class.getModule();

  @Test
  void testsRunInsideTheNamedModule() {
    assertThat(RULES.isNamed()).isTrue();
    assertThat(RULES.getName()).isEqualTo("dev.amends.rules");
  }

  @Test
  void exportsTheRulesAndTheirJsonCodecToEveryone() {
    ModuleDescriptor descriptor = RULES.getDescriptor();

    assertThat(descriptor.exports()).extracting(Exports::source)
        .containsExactlyInAnyOrder("dev.amends.rules", "dev.amends.rules.json");
    assertThat(descriptor.exports()).noneMatch(Exports::isQualified);
    // At test time the module also holds the test-only packages patched into it (the quick start).
    assertThat(descriptor.packages()).contains("dev.amends.rules");
  }

  @Test
  void keepsTheEngineAndTheInternalHelpersUnexported() {
    assertThat(RULES.getPackages()).contains("dev.amends.rules.engine", "dev.amends.rules.internal");
    assertThat(RULES.isExported("dev.amends.rules.engine")).isFalse();
    assertThat(RULES.isExported("dev.amends.rules.internal")).isFalse();
    assertThat(RULES.isExported("dev.amends.rules")).isTrue();
  }

  @Test
  void readsCoreTransitivelyAndImmutablesOnlyAtCompileTime() {
    Map<String, Set<Requires.Modifier>> requires = RULES.getDescriptor().requires().stream()
        .collect(Collectors.toMap(Requires::name, Requires::modifiers));

    assertThat(requires.get("dev.amends.core")).containsExactly(Requires.Modifier.TRANSITIVE);
    assertThat(requires.get("org.immutables.value.annotations")).contains(Requires.Modifier.STATIC);
    // Jackson is an implementation detail of dev.amends.rules.json: read, never re-exported.
    assertThat(requires.get("tools.jackson.databind")).isEmpty();
  }

  @Test
  void coreInternalsAreOpenToRulesButNotToOtherModules() {
    assertThat(CORE.isExported("dev.amends.core.internal", RULES)).isTrue();
    assertThat(CORE.isExported("dev.amends.core.internal")).isFalse();
    assertThat(CORE.isExported("dev.amends.core.internal", ModuleBoundaryTest.class.getClassLoader().getUnnamedModule()))
        .isFalse();
    assertThat(CORE.isExported("dev.amends.core.money.internal", RULES)).isTrue();
    assertThat(CORE.isExported("dev.amends.core.money.internal")).isFalse();
  }
}
