package dev.amends.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that every rule in {@link AmendsArchitectureRules} can fail, and fails for the right
 * reason, by checking it against deliberate violations in {@code fixture.violations}; and that
 * none of them fires on the ordinary code in {@code fixture.clean}.
 *
 * <p>Jackson, Joda-Time and billing-rules cannot be on billing-core's test class path, so the rules
 * about them are exercised through the same rule code with the banned package swapped for a
 * stand-in package in {@code fixture.standin}; separate tests pin the real package names in the
 * ready-made rules.
 */
class AmendsArchitectureRulesTest {

  private static final String FIXTURE = "dev.amends.core.arch.fixture";
  private static final String CLEAN = FIXTURE + ".clean";
  private static final String VIOLATIONS = FIXTURE + ".violations";
  private static final String STAND_INS = FIXTURE + ".standin";
  private static final List<String> JACKSON_STAND_IN = List.of(STAND_INS + ".jackson");
  private static final List<String> JODA_TIME_STAND_IN = List.of(STAND_INS + ".jodatime");

  private static JavaClasses violations;
  private static JavaClasses clean;

  @BeforeAll
  static void importFixtures() {
    violations = new ClassFileImporter().importPackages(VIOLATIONS);
    clean = new ClassFileImporter().importPackages(CLEAN);
  }

  // --- no floating point -------------------------------------------------------------------------

  @Test
  void flagsDoubleFieldInMoneyCode() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "Field <" + VIOLATIONS + ".floatingpoint.DoubleAmountField.amount> has floating-point type <double>");
  }

  @Test
  void flagsBoxedFloatParameter() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "BoxedFloatParameter.applyDiscount(java.lang.Float)> has floating-point parameter type <java.lang.Float>");
  }

  @Test
  void flagsDoubleReturnType() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "DoubleReturnType.availability()> has floating-point return type <double>");
  }

  @Test
  void flagsFloatConstructorParameter() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "DoubleConstructorParameter.<init>(float)> has floating-point parameter type <float>");
  }

  @Test
  void flagsDoublesHiddenInTypeArgument() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "ListOfDoublesField.samples> has floating-point type <java.util.List<java.lang.Double>>");
  }

  @Test
  void flagsJdkDoubleSpecialisation() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "OptionalDoubleReturn.average()> has floating-point return type <java.util.OptionalDouble>");
  }

  @Test
  void flagsBigDecimalValueOfDouble() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "BigDecimalValueOfDouble.rate()> calls method <java.math.BigDecimal.valueOf(double)>");
  }

  @Test
  void flagsBigDecimalDoubleConstructor() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "BigDecimalDoubleConstructor.rate()> calls constructor <java.math.BigDecimal.<init>(double)>");
  }

  @Test
  void flagsBigDecimalValueOfDoubleUsedAsMethodReference() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "BigDecimalValueOfReference.rate()> references method <java.math.BigDecimal.valueOf(double)>");
  }

  @Test
  void flagsConversionOfExactAmountToDouble() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "BigDecimalToDouble.isPositive(java.math.BigDecimal)> calls method <java.math.BigDecimal.doubleValue()>");
  }

  @Test
  void flagsJodaMoneyOfDouble() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "MoneyOfDouble.fee()> calls method <org.joda.money.Money.of(org.joda.money.CurrencyUnit, double)>");
  }

  @Test
  void flagsJodaMoneyMultipliedByDouble() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "calls method <org.joda.money.Money.multipliedBy(double, java.math.RoundingMode)>");
  }

  @Test
  void flagsJodaBigMoneyPlusDouble() {
    assertViolation(
        AmendsArchitectureRules.NO_FLOATING_POINT,
        "BigMoneyPlusDouble.addTip(org.joda.money.BigMoney)> calls method <org.joda.money.BigMoney.plus(double)>");
  }

  @TestFactory
  Stream<DynamicTest> flagsEveryFloatingPointFixtureOnItsOwn() {
    return eachFixtureIn("floatingpoint", AmendsArchitectureRules.NO_FLOATING_POINT);
  }

  // --- no legacy date-time -----------------------------------------------------------------------

  @Test
  void flagsJavaUtilDateField() {
    assertViolation(
        AmendsArchitectureRules.NO_LEGACY_DATE_TIME,
        "Field <" + VIOLATIONS + ".legacytime.UsesJavaUtilDate.issuedAt> has type <java.util.Date>");
  }

  @Test
  void flagsCalendarParameter() {
    assertViolation(
        AmendsArchitectureRules.NO_LEGACY_DATE_TIME,
        "UsesCalendar.year(java.util.Calendar)> has parameter of type <java.util.Calendar>");
  }

  @Test
  void flagsGregorianCalendarCall() {
    assertViolation(
        AmendsArchitectureRules.NO_LEGACY_DATE_TIME,
        "calls method <java.util.GregorianCalendar.from(java.time.ZonedDateTime)>");
  }

  @Test
  void flagsSqlDateReturnType() {
    assertViolation(
        AmendsArchitectureRules.NO_LEGACY_DATE_TIME,
        "UsesSqlDate.toSql(java.time.LocalDate)> has return type <java.sql.Date>");
  }

  @Test
  void flagsSqlTimestampCall() {
    assertViolation(
        AmendsArchitectureRules.NO_LEGACY_DATE_TIME,
        "calls method <java.sql.Timestamp.from(java.time.Instant)>");
  }

  @Test
  void flagsJodaTimeThroughStandIn() {
    // Joda-Time is not on the class path, so the same rule is built with a stand-in package.
    ArchRule rule = AmendsArchitectureRules.noLegacyDateTime(JODA_TIME_STAND_IN, VIOLATIONS);

    assertThatThrownBy(() -> rule.check(violations))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesJodaTimeStandIn.millis(" + STAND_INS + ".jodatime.DateTime)>");
  }

  @Test
  void bansJodaTimePackageInReadyMadeRule() {
    assertThat(AmendsArchitectureRules.NO_LEGACY_DATE_TIME.getDescription())
        .contains("org.joda.time..")
        .doesNotContain("org.joda.money");
  }

  @Test
  void allowsJodaMoney() {
    // MoneyOfDouble uses Joda-Money; only its double overload is wrong, not the library.
    assertThatThrownBy(() -> AmendsArchitectureRules.NO_LEGACY_DATE_TIME.check(violations))
        .isInstanceOf(AssertionError.class)
        .message()
        .doesNotContain("org.joda.money")
        .doesNotContain("MoneyOfDouble");
  }

  @TestFactory
  Stream<DynamicTest> flagsEveryLegacyDateTimeFixtureOnItsOwn() {
    return eachFixtureIn(
        "legacytime", AmendsArchitectureRules.noLegacyDateTime(JODA_TIME_STAND_IN, VIOLATIONS));
  }

  // --- no hidden clock ---------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} calls {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CallsInstantNow             | java.time.Instant.now()",
        "CallsLocalDateNow           | java.time.LocalDate.now()",
        "CallsLocalDateNowInZone     | java.time.LocalDate.now(java.time.ZoneId)",
        "CallsLocalDateTimeNow       | java.time.LocalDateTime.now()",
        "CallsZonedDateTimeNow       | java.time.ZonedDateTime.now()",
        "CallsOffsetDateTimeNow      | java.time.OffsetDateTime.now()",
        "CallsClockSystemUtc         | java.time.Clock.systemUTC()",
        "CallsClockSystemDefaultZone | java.time.Clock.systemDefaultZone()",
        "CallsZoneIdSystemDefault    | java.time.ZoneId.systemDefault()",
        "CallsCurrentTimeMillis      | java.lang.System.currentTimeMillis()",
      })
  void flagsEveryHiddenClockRead(String fixture, String hiddenClock) {
    assertViolation(
        AmendsArchitectureRules.NO_HIDDEN_CLOCK,
        "Method <" + VIOLATIONS + ".clock." + fixture + ".read()> calls method <" + hiddenClock + ">");
  }

  @Test
  void flagsInstantNowUsedAsMethodReference() {
    assertViolation(
        AmendsArchitectureRules.NO_HIDDEN_CLOCK,
        "ReferencesInstantNow.source()> references method <java.time.Instant.now()>");
  }

  @Test
  void flagsClockReadInsideLambda() {
    // ArchUnit attributes a lambda's calls to the method that declares the lambda.
    assertViolation(
        AmendsArchitectureRules.NO_HIDDEN_CLOCK,
        "ReadsClockInsideLambda.source()> calls method <java.time.Instant.now()>");
  }

  @Test
  void flagsClockReadInStaticInitialiser() {
    assertViolation(
        AmendsArchitectureRules.NO_HIDDEN_CLOCK,
        "ReadsClockInStaticInitialiser.<clinit>()> calls method <java.time.Instant.now()>");
  }

  @TestFactory
  Stream<DynamicTest> flagsEveryHiddenClockFixtureOnItsOwn() {
    return eachFixtureIn("clock", AmendsArchitectureRules.NO_HIDDEN_CLOCK);
  }

  // --- module dependencies -----------------------------------------------------------------------

  @Test
  void flagsJacksonDependencyThroughStandIn() {
    // Jackson must not be on billing-core's class path, so no fixture can compile against it;
    // the rule is built with a stand-in package in its place.
    ArchRule rule = AmendsArchitectureRules.noJackson(JACKSON_STAND_IN, VIOLATIONS);

    assertThatThrownBy(() -> rule.check(violations))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Field <" + VIOLATIONS + ".dependency.UsesJacksonStandIn.mapper> has type <"
                + STAND_INS + ".jackson.ObjectMapper>");
  }

  @Test
  void bansBothJacksonGenerationsInCore() {
    assertThat(AmendsArchitectureRules.CORE_IS_FREE_OF_JACKSON.getDescription())
        .startsWith("classes in dev.amends.core.. use no Jackson")
        .contains("tools.jackson..", "com.fasterxml.jackson..");
  }

  @Test
  void flagsCoreDependencyOnRulesThroughStandIn() {
    // A real dev.amends.rules class cannot live in billing-core's test sources (they ship in the
    // test jar billing-rules uses), so the layering rule is checked with a stand-in package.
    ArchRule rule = AmendsArchitectureRules.independentOf(VIOLATIONS, STAND_INS + ".rules");

    assertThatThrownBy(() -> rule.check(violations))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "UsesRulesStandIn.describe(" + STAND_INS + ".rules.CreditRule)> calls method <"
                + STAND_INS + ".rules.CreditRule.name()>");
  }

  @Test
  void bansRulesPackageInCore() {
    assertThat(AmendsArchitectureRules.CORE_DOES_NOT_DEPEND_ON_RULES.getDescription())
        .startsWith("billing-core (dev.amends.core..) depends on no billing-rules code (dev.amends.rules..)");
  }

  // --- package cycles ----------------------------------------------------------------------------

  @Test
  void flagsCycleBetweenSubPackages() {
    ArchRule rule = AmendsArchitectureRules.noPackageCycles(VIOLATIONS + ".cycle");

    assertThatThrownBy(() -> rule.check(violations))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Field <" + VIOLATIONS + ".cycle.first.First.next> has type <" + VIOLATIONS + ".cycle.second.Second>")
        .hasMessageContaining("Field <" + VIOLATIONS + ".cycle.second.Second.previous> has type <" + VIOLATIONS + ".cycle.first.First>");
  }

  @Test
  void flagsCycleThroughRootPackage() {
    ArchRule rule = AmendsArchitectureRules.noPackageCycles(VIOLATIONS + ".cycle");

    assertThatThrownBy(() -> rule.check(violations))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Field <" + VIOLATIONS + ".cycle.ThroughRoot.child> has type <" + VIOLATIONS + ".cycle.rooted.UsesRoot>")
        .hasMessageContaining("Field <" + VIOLATIONS + ".cycle.rooted.UsesRoot.parent> has type <" + VIOLATIONS + ".cycle.ThroughRoot>");
  }

  // --- clean code and scoping --------------------------------------------------------------------

  static Stream<Arguments> everyRule() {
    return Stream.of(
        Arguments.of("NO_FLOATING_POINT", AmendsArchitectureRules.NO_FLOATING_POINT),
        Arguments.of("NO_LEGACY_DATE_TIME", AmendsArchitectureRules.NO_LEGACY_DATE_TIME),
        Arguments.of("NO_HIDDEN_CLOCK", AmendsArchitectureRules.NO_HIDDEN_CLOCK),
        Arguments.of("CORE_IS_FREE_OF_JACKSON", AmendsArchitectureRules.CORE_IS_FREE_OF_JACKSON),
        Arguments.of("CORE_DOES_NOT_DEPEND_ON_RULES", AmendsArchitectureRules.CORE_DOES_NOT_DEPEND_ON_RULES),
        Arguments.of("CORE_HAS_NO_PACKAGE_CYCLES", AmendsArchitectureRules.CORE_HAS_NO_PACKAGE_CYCLES),
        Arguments.of("noFloatingPoint(clean)", AmendsArchitectureRules.noFloatingPoint(CLEAN)),
        Arguments.of("noLegacyDateTime(clean)", AmendsArchitectureRules.noLegacyDateTime(CLEAN)),
        Arguments.of("noLegacyDateTime(stand-in, clean)", AmendsArchitectureRules.noLegacyDateTime(JODA_TIME_STAND_IN, CLEAN)),
        Arguments.of("noHiddenClock(clean)", AmendsArchitectureRules.noHiddenClock(CLEAN)),
        Arguments.of("noJackson(clean)", AmendsArchitectureRules.noJackson(CLEAN)),
        Arguments.of("noJackson(stand-in, clean)", AmendsArchitectureRules.noJackson(JACKSON_STAND_IN, CLEAN)),
        Arguments.of("independentOf(clean, stand-ins)", AmendsArchitectureRules.independentOf(CLEAN, STAND_INS)),
        Arguments.of("noPackageCycles(clean)", AmendsArchitectureRules.noPackageCycles(CLEAN)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRule")
  void passesCleanFixture(String name, ArchRule rule) {
    assertThatCode(() -> rule.check(clean)).doesNotThrowAnyException();
  }

  @Test
  void ignoresClassesOutsideItsRoots() {
    ArchRule rule = AmendsArchitectureRules.noFloatingPoint(VIOLATIONS + ".legacytime");

    assertThatCode(() -> rule.check(violations)).doesNotThrowAnyException();
  }

  @Test
  void acceptsArchUnitStyleRoots() {
    ArchRule rule = AmendsArchitectureRules.noHiddenClock(VIOLATIONS + "..");

    assertThatThrownBy(() -> rule.check(violations))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.time.Instant.now()");
  }

  @Test
  void rejectsPackagePatternsAsRoots() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AmendsArchitectureRules.noPackageCycles("dev.amends.(*).."));
    assertThatIllegalArgumentException().isThrownBy(AmendsArchitectureRules::noFloatingPoint);
  }

  @Test
  void excludesFixturesFromImport() {
    JavaClasses imported =
        new ClassFileImporter()
            .withImportOption(new AmendsArchitectureRules.ExcludeArchFixtures())
            .importPackages("dev.amends.core.arch");

    assertThat(imported.contain(AmendsArchitectureRules.class)).isTrue();
    assertThat(imported.stream().map(JavaClass::getPackageName)).noneMatch(p -> p.startsWith(FIXTURE));
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static void assertViolation(ArchRule rule, String offendingMember) {
    assertThatThrownBy(() -> rule.check(violations))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(offendingMember);
  }

  /** One dynamic test per fixture class in a violations sub-package: each must fail alone. */
  private static Stream<DynamicTest> eachFixtureIn(String subPackage, ArchRule rule) {
    String packageName = VIOLATIONS + "." + subPackage;
    List<JavaClass> fixtures =
        violations.stream().filter(c -> c.getPackageName().equals(packageName)).toList();
    assertThat(fixtures).as("fixtures in %s", packageName).isNotEmpty();
    return fixtures.stream()
        .map(
            fixture ->
                dynamicTest(
                    fixture.getSimpleName(),
                    () -> {
                      JavaClasses alone = new ClassFileImporter().importClasses(fixture.reflect());
                      assertThatThrownBy(() -> rule.check(alone))
                          .isInstanceOf(AssertionError.class)
                          .hasMessageContaining(fixture.getName());
                    }));
  }
}
