package dev.amends.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The boundaries between what users write and read ({@code dev.amends.rules}) and the machinery
 * that runs it ({@code dev.amends.rules.engine}), as ArchUnit rules over package names given, so
 * that {@link EngineArchitectureRulesTest} can prove each one fails on a fixture of deliberate
 * violations and {@link EngineArchitectureTest} can apply them to the production classes.
 *
 * <p>The API package is {@code api}; the engine, the JSON codec and the shared internal helpers
 * are its sub-packages {@code api.engine}, {@code api.json} and {@code api.internal}; the front
 * door is the one API class (with its nested classes) allowed to call into the engine.
 */
final class EngineArchitectureRules {
  /** The production front door. */
  static final DescribedPredicate<JavaClass> FRONT_DOOR = frontDoor("dev.amends.rules", "CreditEngine");

  private EngineArchitectureRules() {}

  /** The class {@code api.name} and the classes nested in it. */
  static DescribedPredicate<JavaClass> frontDoor(String api, String name) {
    String door = api + "." + name;
    return DescribedPredicate.describe("the front door " + door,
        c -> c.getName().equals(door) || c.getName().startsWith(door + "$"));
  }

  /** No class of the API package but the front door depends on the engine. */
  static ArchRule definitionsDoNotDependOnTheEngine(String api, String frontDoor) {
    return noClasses()
        .that().resideInAPackage(api)
        .and(DescribedPredicate.not(frontDoor(api, frontDoor)))
        .should().dependOnClassesThat().resideInAPackage(api + ".engine..")
        .as("definitions (" + api + " but " + frontDoor + ") do not depend on the engine")
        .because("rule definitions are data; what they mean lives in the engine, reached only through "
            + frontDoor);
  }

  /** No public member of a public API type has an engine type in its signature. */
  static ArchRule apiSignaturesDoNotExposeTheEngine(String api) {
    String engine = api + ".engine";
    return noCodeUnits()
        .that().areDeclaredInClassesThat().resideInAPackage(api)
        .and().areDeclaredInClassesThat().arePublic()
        .and().arePublic()
        .should(new ArchCondition<JavaCodeUnit>("have an engine type in their signature") {
          @Override
          public void check(JavaCodeUnit unit, ConditionEvents events) {
            List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
            types.add(unit.getRawReturnType());
            for (JavaClass t : types) {
              JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
              if (base.getPackageName().equals(engine) || base.getPackageName().startsWith(engine + ".")) {
                events.add(SimpleConditionEvent.satisfied(unit, unit.getFullName() + " exposes " + base.getName()));
                return;
              }
            }
            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes no engine type"));
          }
        })
        .as("public signatures of " + api + " do not expose " + engine)
        .because("the engine is not exported: a user could not name such a type, and it must be free to change");
  }

  /** The JSON codec reads and writes the API's types, never the engine's. */
  static ArchRule jsonDependsOnTheApiOnly(String api) {
    return noClasses()
        .that().resideInAPackage(api + ".json..")
        .should().dependOnClassesThat().resideInAPackage(api + ".engine..")
        .as(api + ".json does not depend on the engine")
        .because("a document is a definition; reading one must not need the machinery");
  }

  /** The helpers shared by definitions and engine depend on neither, nor on the codec. */
  static ArchRule internalHelpersDependOnNothingOfTheRules(String api) {
    return noClasses()
        .that().resideInAPackage(api + ".internal..")
        .should().dependOnClassesThat().resideInAnyPackage(api, api + ".engine..", api + ".json..")
        .as(api + ".internal depends on nothing else of " + api)
        .because("both sides use it, so it must sit below both");
  }

  /**
   * The API package and its sub-packages are free of cycles, except for the front door's calls
   * into the engine (the engine reads the API's types, so those calls close a loop by design).
   */
  static ArchRule noCyclesBeyondTheFrontDoor(String api, String frontDoor) {
    return SlicesRuleDefinition.slices()
        .assignedFrom(packageAndSubPackagesOf(api))
        .should().beFreeOfCycles()
        .ignoreDependency(frontDoor(api, frontDoor), JavaClass.Predicates.resideInAPackage(api + ".engine.."))
        .as(api + " and its sub-packages are free of cycles beyond the front door " + frontDoor)
        .because("acyclic packages can be understood, tested and changed from the bottom up");
  }

  /** Slices: {@code root} itself, and each of its direct sub-packages with everything below it. */
  private static SliceAssignment packageAndSubPackagesOf(String root) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass type) {
        String name = type.getPackageName();
        if (name.equals(root)) {
          return SliceIdentifier.of(root);
        }
        if (!name.startsWith(root + ".")) {
          return SliceIdentifier.ignore();
        }
        String below = name.substring(root.length() + 1);
        int dot = below.indexOf('.');
        return SliceIdentifier.of(root + "." + (dot < 0 ? below : below.substring(0, dot)));
      }

      @Override
      public String getDescription() {
        return root + " and its sub-packages";
      }
    };
  }
}
