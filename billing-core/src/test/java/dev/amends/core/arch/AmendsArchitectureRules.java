package dev.amends.core.arch;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The architecture rules of Amends, in one place, for every module's tests to apply.
 *
 * <p>Amends decides what customers are owed, to the cent, and must give the same answer for the
 * same facts on any machine at any time. Most rules here protect that promise: money never passes
 * through binary floating point, time only enters as an argument, and the legacy date types with
 * their mutable state and hidden default zones stay out. The rest keep the module layering that
 * lets billing-core be read, tested and reused on its own.
 *
 * <p>Two shapes are offered:
 *
 * <ul>
 *   <li>Ready-made {@link ArchRule} fields. The ones named {@code NO_...} apply to every class under
 *       {@value #AMENDS}, so any module can use them as they are; the ones named {@code CORE_...}
 *       are about billing-core's own place in the layering.
 *   <li>Factories taking <em>package roots</em> (plain package names such as {@code
 *       "dev.amends.rules"}, meaning that package and everything below it), for a module that
 *       wants a rule scoped to its own packages, such as {@code noPackageCycles("dev.amends.rules")}.
 * </ul>
 *
 * <p>Every rule is meant for production classes only: import with {@link
 * ImportOption.DoNotIncludeTests}, and add {@link ExcludeArchFixtures} when billing-core's test jar
 * is on the class path, because it carries deliberate violations used to test these rules.
 *
 * <p>Limits, inherent to checking byte code: local variables, lambda parameters and literals are
 * invisible, so {@code double x = 0.1;} inside a method body is not caught by itself. What is caught is every way such a
 * value can enter or leave a class or reach money: fields, parameters, return values, and the
 * floating-point overloads of {@link java.math.BigDecimal} and Joda-Money.
 */
public final class AmendsArchitectureRules {

  /** Root package of all Amends code. */
  public static final String AMENDS = "dev.amends";

  /** Root package of billing-core: facts and measurement. */
  public static final String CORE = "dev.amends.core";

  /** Root package of billing-rules: the credit rules, which build on billing-core. */
  public static final String RULES = "dev.amends.rules";

  /**
   * Package roots of Jackson: {@code tools.jackson} for Jackson 3 (databind, core) and {@code
   * com.fasterxml.jackson} for Jackson 2 and for the annotations Jackson 3 still ships there.
   */
  public static final List<String> JACKSON_PACKAGES = List.of("tools.jackson", "com.fasterxml.jackson");

  /**
   * The legacy date-time classes banned by {@link #NO_LEGACY_DATE_TIME}. Subtypes are banned too:
   * this covers {@code java.sql.Date}, {@code java.sql.Time}, {@code java.sql.Timestamp} (all
   * subclasses of {@code java.util.Date}) and {@code java.util.GregorianCalendar}.
   */
  public static final List<String> LEGACY_DATE_TIME_CLASSES =
      List.of(
          "java.util.Date",
          "java.util.Calendar",
          "java.util.GregorianCalendar",
          "java.sql.Date",
          "java.sql.Time",
          "java.sql.Timestamp");

  /**
   * Package roots of legacy date-time libraries banned by {@link #NO_LEGACY_DATE_TIME}: Joda-Time.
   * Joda-Money lives in {@code org.joda.money} and is not affected.
   */
  public static final List<String> LEGACY_DATE_TIME_PACKAGES = List.of("org.joda.time");

  /** Package roots whose API is money arithmetic: {@code java.math} and Joda-Money. */
  private static final List<String> MONEY_API_PACKAGES = List.of("java.math", "org.joda.money");

  /** Methods that read the system clock or the default zone, by full name, besides {@code now}. */
  private static final Set<String> HIDDEN_CLOCK_METHODS =
      Set.of(
          "java.time.Clock.systemUTC()",
          "java.time.Clock.systemDefaultZone()",
          "java.time.Clock.system(java.time.ZoneId)",
          "java.time.InstantSource.system()",
          "java.time.ZoneId.systemDefault()",
          "java.util.TimeZone.getDefault()",
          "java.lang.System.currentTimeMillis()",
          "java.lang.System.nanoTime()");

  /**
   * billing-core does not use Jackson in any form (packages {@code tools.jackson..} and {@code
   * com.fasterxml.jackson..}).
   *
   * <p>Why: core is the model, not a wire format. Serialisation belongs at the edge, in the module
   * that owns the format; keeping core free of it means a Jackson upgrade (2 to 3 moved every
   * package) never touches the calculations, and core stays usable from any serialiser.
   */
  public static final ArchRule CORE_IS_FREE_OF_JACKSON = noJackson(CORE);

  /**
   * billing-core does not depend on billing-rules ({@code dev.amends.rules..}).
   *
   * <p>Why: rules build on core's facts and measurements, never the other way round. A dependency
   * from core to rules would be a module cycle that Maven cannot even build, and reaching for it
   * by reflection or a copied type would blur which module decides what.
   */
  public static final ArchRule CORE_DOES_NOT_DEPEND_ON_RULES =
      dependencyBan(CORE, List.of(RULES))
          .as("billing-core (" + CORE + "..) depends on no billing-rules code (" + RULES + "..)")
          .because(
              "billing-rules builds on billing-core's facts and measurements, never the other way"
                  + " round");

  /**
   * billing-core's top-level packages ({@code dev.amends.core} itself, {@code .time}, {@code
   * .money}, {@code .account}, ...) depend on each other without cycles.
   *
   * <p>Why: acyclic packages can be understood, tested and changed from the bottom up; a cycle
   * ties two packages into one that can only be understood together. See {@link
   * #noPackageCycles(String)} for how classes are sliced.
   */
  public static final ArchRule CORE_HAS_NO_PACKAGE_CYCLES = noPackageCycles(CORE);

  /**
   * No Amends class uses {@code double} or {@code float} for money or anything else it declares,
   * nor the floating-point overloads of {@code BigDecimal} and Joda-Money. See {@link
   * #noFloatingPoint(String...)}.
   *
   * <p>Why: binary floating point cannot represent most decimal amounts ({@code 0.1} is not one
   * tenth), so credits computed with it drift by cents and differ between formulas that are
   * equal on paper. Amends promises credits exact to the cent.
   */
  public static final ArchRule NO_FLOATING_POINT = noFloatingPoint(AMENDS);

  /**
   * No Amends class uses {@code java.util.Date}, {@code Calendar}, {@code GregorianCalendar}, the
   * {@code java.sql} date types or Joda-Time. Joda-Money is allowed. See {@link
   * #noLegacyDateTime(String...)}.
   *
   * <p>Why: these types are mutable, carry a hidden default time zone, and mix instants with
   * calendar dates; {@code java.time} says exactly which of those a value is, which is what
   * billing-period and outage-window arithmetic needs.
   */
  public static final ArchRule NO_LEGACY_DATE_TIME = noLegacyDateTime(AMENDS);

  /**
   * No Amends class reads the system clock or the default time zone. See {@link
   * #noHiddenClock(String...)}.
   *
   * <p>Why: a credit must be reproducible: the same facts must give the same credit tomorrow, in
   * a test, and on a server in another zone. "Now" and zones are always passed in.
   */
  public static final ArchRule NO_HIDDEN_CLOCK = noHiddenClock(AMENDS);

  private AmendsArchitectureRules() {}

  /**
   * Classes under {@code root} depend on nothing under any of {@code forbiddenRoots}: no field,
   * parameter, return or thrown type, call, annotation or inheritance.
   *
   * <p>For layering between modules and packages, such as billing-rules keeping its engine out of
   * its rule definitions.
   *
   * @param root the package root whose classes are checked, such as {@code "dev.amends.core"}
   * @param forbiddenRoots package roots none of those classes may use
   * @return the rule
   */
  public static ArchRule independentOf(String root, String... forbiddenRoots) {
    List<String> forbidden = List.of(forbiddenRoots);
    return dependencyBan(root, forbidden)
        .as("classes in " + pattern(root) + " depend on nothing in " + describe(forbidden))
        .because("the layering of Amends points the other way");
  }

  /**
   * Classes under the given roots use no Jackson ({@link #JACKSON_PACKAGES}).
   *
   * @param roots the package roots whose classes are checked
   * @return the rule
   */
  public static ArchRule noJackson(String... roots) {
    return noJackson(JACKSON_PACKAGES, roots);
  }

  /** {@link #noJackson(String...)} with the Jackson packages as a parameter, for testing. */
  static ArchRule noJackson(List<String> jacksonPackages, String... roots) {
    List<String> scope = List.of(roots);
    return noClasses()
        .that()
        .resideInAnyPackage(patterns(scope))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(patterns(jacksonPackages))
        .as("classes in " + describe(scope) + " use no Jackson (" + describe(jacksonPackages) + ")")
        .because(
            "serialisation belongs at the edge, in the module that owns the format, not in the"
                + " model that computes credits");
  }

  /**
   * Classes under the given roots use neither {@code double} nor {@code float}:
   *
   * <ul>
   *   <li>no field, method or constructor parameter, or return type involves {@code double},
   *       {@code float}, {@code Double}, {@code Float}, an array of them, a type argument such as
   *       {@code List<Double>}, or a {@code java.util} double specialisation ({@code
   *       OptionalDouble}, {@code DoubleStream}, {@code DoubleSupplier}, {@code
   *       ToDoubleFunction}, ...);
   *   <li>no call or method reference reaches a method or constructor of {@code java.math} or
   *       Joda-Money ({@code org.joda.money}) that takes a floating-point parameter ({@code
   *       BigDecimal.valueOf(double)}, {@code new BigDecimal(double)}, {@code
   *       Money.of(CurrencyUnit, double)}, {@code Money.multipliedBy(double, RoundingMode)},
   *       {@code BigMoney.plus(double)}, ...) or returns one ({@code BigDecimal.doubleValue()}).
   * </ul>
   *
   * <p>Like local variables, the parameters of lambdas are invisible to this rule; calls made inside
   * a lambda are attributed to the method declaring it, and are checked.
   *
   * @param roots the package roots whose classes are checked
   * @return the rule
   */
  public static ArchRule noFloatingPoint(String... roots) {
    List<String> scope = List.of(roots);
    return classes()
        .that()
        .resideInAnyPackage(patterns(scope))
        .should(declareNoFloatingPoint())
        .andShould(notUseFloatingPointMoneyApi())
        .as(
            "classes in "
                + describe(scope)
                + " use no double or float: not in fields, parameters or return types, and not"
                + " through the floating-point overloads of BigDecimal or Joda-Money")
        .because(
            "binary floating point cannot represent most decimal amounts, and Amends promises"
                + " credits exact to the cent");
  }

  /**
   * Classes under the given roots use none of {@link #LEGACY_DATE_TIME_CLASSES} nor their subtypes,
   * and nothing in {@link #LEGACY_DATE_TIME_PACKAGES} (Joda-Time). Joda-Money is allowed.
   *
   * @param roots the package roots whose classes are checked
   * @return the rule
   */
  public static ArchRule noLegacyDateTime(String... roots) {
    return noLegacyDateTime(LEGACY_DATE_TIME_PACKAGES, roots);
  }

  /** {@link #noLegacyDateTime(String...)} with the banned packages as a parameter, for testing. */
  static ArchRule noLegacyDateTime(List<String> legacyPackages, String... roots) {
    List<String> scope = List.of(roots);
    DescribedPredicate<JavaClass> legacy =
        DescribedPredicate.describe(
            "are legacy date-time types " + LEGACY_DATE_TIME_CLASSES + " or in " + describe(legacyPackages),
            type -> isLegacyDateTime(type, legacyPackages));
    return noClasses()
        .that()
        .resideInAnyPackage(patterns(scope))
        .should()
        .dependOnClassesThat(legacy)
        .as(
            "classes in "
                + describe(scope)
                + " use no java.util.Date, Calendar, java.sql date types or Joda-Time ("
                + describe(legacyPackages)
                + ")")
        .because(
            "they are mutable and hide a default time zone; java.time says exactly whether a"
                + " value is an instant, a date or a zoned date-time");
  }

  /**
   * Classes under the given roots read no hidden clock and no default zone: no call or method
   * reference to
   *
   * <ul>
   *   <li>any {@code now(..)} or {@code dateNow(..)} of {@code java.time} or ThreeTen-Extra
   *       ({@code Instant.now()}, {@code LocalDate.now()}, {@code LocalDate.now(ZoneId)}, {@code
   *       LocalDateTime.now()}, {@code ZonedDateTime.now()}, {@code OffsetDateTime.now()},
   *       {@code YearMonth.now()}, ...), except the overloads taking only a {@link Clock};
   *   <li>{@code Clock.systemUTC()}, {@code Clock.systemDefaultZone()}, {@code
   *       Clock.system(ZoneId)}, {@code InstantSource.system()};
   *   <li>{@code ZoneId.systemDefault()}, {@code TimeZone.getDefault()};
   *   <li>{@code System.currentTimeMillis()}, {@code System.nanoTime()}.
   * </ul>
   *
   * <p>Calls and method references inside lambdas and static initialisers count.
   *
   * @param roots the package roots whose classes are checked
   * @return the rule
   */
  public static ArchRule noHiddenClock(String... roots) {
    List<String> scope = List.of(roots);
    return classes()
        .that()
        .resideInAnyPackage(patterns(scope))
        .should(notAccessCodeUnits("read the system clock or default zone", AmendsArchitectureRules::readsHiddenClock))
        .as(
            "classes in "
                + describe(scope)
                + " read no hidden clock (Instant.now(), LocalDate.now(), Clock.systemUTC(),"
                + " ZoneId.systemDefault(), System.currentTimeMillis(), ...)")
        .because(
            "the same facts must give the same credit tomorrow, in a test and in any zone:"
                + " \"now\" and zones are always passed in");
  }

  /**
   * The package {@code root} and its top-level sub-packages depend on each other without cycles.
   *
   * <p>Each top-level sub-package, with everything below it, is one slice ({@code root.time},
   * {@code root.money}, ...); the classes directly in {@code root} form a slice of their own, so
   * a cycle through the root package (such as an exception in {@code root} that mentions a type in
   * {@code root.money}, which throws it) is caught as well. Cycles inside one top-level
   * sub-package are not checked by this rule.
   *
   * @param root the package root, such as {@code "dev.amends.core"}
   * @return the rule
   */
  public static ArchRule noPackageCycles(String root) {
    String rootPackage = stripWildcard(root);
    return slices()
        .assignedFrom(topLevelPackagesOf(rootPackage))
        .should()
        .beFreeOfCycles()
        .as(rootPackage + " and its top-level sub-packages are free of dependency cycles")
        .because(
            "acyclic packages can be understood, tested and changed from the bottom up");
  }

  /**
   * Import option that leaves out billing-core's architecture-test fixtures ({@code
   * dev.amends.core.arch.fixture..}), which break every rule on purpose. Needed where
   * billing-core's test jar is on the class path and a module imports more than its own
   * packages, for example {@code @AnalyzeClasses(packages = "dev.amends", importOptions =
   * {DoNotIncludeTests.class, ExcludeArchFixtures.class})}.
   */
  public static final class ExcludeArchFixtures implements ImportOption {
    private static final String FIXTURES = "/dev/amends/core/arch/fixture/";

    /** Creates the option; ArchUnit instantiates it reflectively. */
    public ExcludeArchFixtures() {}

    @Override
    public boolean includes(Location location) {
      return !location.contains(FIXTURES);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Building blocks

  private static ArchRule dependencyBan(String root, List<String> forbiddenRoots) {
    return noClasses()
        .that()
        .resideInAPackage(pattern(root))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(patterns(forbiddenRoots));
  }

  private static ArchCondition<JavaClass> declareNoFloatingPoint() {
    return new ArchCondition<>("declare no double or float in fields, parameters or return types") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (JavaField field : type.getFields()) {
          if (involvesFloatingPoint(field.getType())) {
            events.add(
                violated(
                    field,
                    field.getDescription()
                        + " has floating-point type <"
                        + field.getType().getName()
                        + "> in "
                        + field.getSourceCodeLocation()));
          }
        }
        for (JavaCodeUnit codeUnit : type.getCodeUnits()) {
          for (JavaType parameter : codeUnit.getParameterTypes()) {
            if (involvesFloatingPoint(parameter)) {
              events.add(
                  violated(
                      codeUnit,
                      codeUnit.getDescription()
                          + " has floating-point parameter type <"
                          + parameter.getName()
                          + "> in "
                          + codeUnit.getSourceCodeLocation()));
            }
          }
          if (involvesFloatingPoint(codeUnit.getReturnType())) {
            events.add(
                violated(
                    codeUnit,
                    codeUnit.getDescription()
                        + " has floating-point return type <"
                        + codeUnit.getReturnType().getName()
                        + "> in "
                        + codeUnit.getSourceCodeLocation()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> notUseFloatingPointMoneyApi() {
    return notAccessCodeUnits(
        "not use the floating-point overloads of java.math or Joda-Money",
        target ->
            inAnyPackage(target.getOwner(), MONEY_API_PACKAGES)
                && (target.getRawParameterTypes().stream().anyMatch(AmendsArchitectureRules::isFloatingPoint)
                    || isFloatingPoint(target.getRawReturnType())));
  }

  /**
   * A condition violated by every call or method/constructor reference, from any code unit of the
   * class (lambdas and initialisers included), whose target matches {@code banned}.
   */
  private static ArchCondition<JavaClass> notAccessCodeUnits(
      String description, Predicate<CodeUnitAccessTarget> banned) {
    return new ArchCondition<>(description) {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (JavaCodeUnitAccess<?> access : type.getCodeUnitAccessesFromSelf()) {
          if (banned.test(access.getTarget())) {
            events.add(violated(access, access.getDescription()));
          }
        }
      }
    };
  }

  private static boolean readsHiddenClock(CodeUnitAccessTarget target) {
    JavaClass owner = target.getOwner();
    boolean timeLibrary =
        inAnyPackage(owner, List.of("java.time", "org.threeten.extra"));
    if (timeLibrary && (target.getName().equals("now") || target.getName().equals("dateNow"))) {
      List<JavaClass> parameters = target.getRawParameterTypes();
      boolean explicitClock = parameters.size() == 1 && parameters.get(0).isEquivalentTo(Clock.class);
      return !explicitClock;
    }
    return HIDDEN_CLOCK_METHODS.contains(target.getFullName());
  }

  private static boolean involvesFloatingPoint(JavaType type) {
    return type.getAllInvolvedRawTypes().stream().anyMatch(AmendsArchitectureRules::isFloatingPoint);
  }

  private static boolean isFloatingPoint(JavaClass type) {
    JavaClass base = type.getBaseComponentType();
    return switch (base.getName()) {
      case "double", "float", "java.lang.Double", "java.lang.Float" -> true;
      // OptionalDouble, DoubleStream, DoubleSupplier, ToDoubleFunction, Spliterator.OfDouble, ...
      default -> inAnyPackage(base, List.of("java.util")) && base.getSimpleName().contains("Double");
    };
  }

  private static boolean isLegacyDateTime(JavaClass type, List<String> legacyPackages) {
    JavaClass base = type.getBaseComponentType();
    return LEGACY_DATE_TIME_CLASSES.stream().anyMatch(base::isAssignableTo)
        || inAnyPackage(base, legacyPackages);
  }

  private static boolean inAnyPackage(JavaClass type, List<String> roots) {
    String packageName = type.getPackageName();
    return roots.stream()
        .map(AmendsArchitectureRules::stripWildcard)
        .anyMatch(root -> packageName.equals(root) || packageName.startsWith(root + "."));
  }

  private static SliceAssignment topLevelPackagesOf(String root) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass type) {
        String packageName = type.getPackageName();
        if (packageName.equals(root)) {
          return SliceIdentifier.of(root);
        }
        if (!packageName.startsWith(root + ".")) {
          return SliceIdentifier.ignore();
        }
        String below = packageName.substring(root.length() + 1);
        int dot = below.indexOf('.');
        return SliceIdentifier.of(root + "." + (dot < 0 ? below : below.substring(0, dot)));
      }

      @Override
      public String getDescription() {
        return root + " and each of its top-level sub-packages";
      }
    };
  }

  private static String[] patterns(List<String> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("at least one package root is needed");
    }
    return roots.stream().map(AmendsArchitectureRules::pattern).toArray(String[]::new);
  }

  /** ArchUnit's pattern for a package and everything below it. */
  private static String pattern(String root) {
    return stripWildcard(root) + "..";
  }

  /** Accepts {@code "dev.amends.core"} as well as ArchUnit's {@code "dev.amends.core.."}. */
  private static String stripWildcard(String root) {
    Objects.requireNonNull(root, "package root");
    String plain = root.endsWith("..") ? root.substring(0, root.length() - 2) : root;
    if (plain.isEmpty() || plain.contains("*") || plain.contains("..") || plain.contains("(")) {
      throw new IllegalArgumentException("not a plain package root: " + root);
    }
    return plain;
  }

  private static String describe(List<String> roots) {
    return String.join(", ", roots.stream().map(AmendsArchitectureRules::pattern).toList());
  }
}
