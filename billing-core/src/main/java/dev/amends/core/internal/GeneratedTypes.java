package dev.amends.core.internal;

import dev.amends.core.InvalidInputException;
import java.util.Optional;

/**
 * Finds which Amends value type a generated builder belongs to, so that its errors can name
 * fields as {@code <type>.<attribute>}.
 *
 * <p>The rule, applied once here for every generated type: walk the current thread's stack to
 * the first frame that is neither this class nor an {@link InvalidInputException} (whose
 * constructors are running); that frame is in generated code, such as
 * {@code dev.amends.core.account.ImmutableAccount$Builder}.
 * Take its top-level class's simple name ({@code ImmutableAccount}), drop the {@code Immutable}
 * prefix Immutables adds ({@code Account}) and lower-case the first letter ({@code account}).
 * So {@code MeasurementRules} becomes {@code measurementRules} and {@code DecisionRequest}
 * becomes {@code decisionRequest}. The result depends only on the class names, never on
 * timing or data.
 */
final class GeneratedTypes {
  private static final String IMMUTABLE_PREFIX = "Immutable";
  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private GeneratedTypes() {}

  /** The field prefix of the generated type that is throwing, such as {@code account}. */
  static String callerType() {
    Optional<String> caller = WALKER.walk(frames -> frames
        .map(StackWalker.StackFrame::getDeclaringClass)
        .filter(GeneratedTypes::isCaller)
        .map(Class::getName)
        .findFirst());
    return caller.map(GeneratedTypes::typeName).orElse("value");
  }

  /**
   * The field prefix for a class name: {@code dev.amends.core.account.ImmutableAccount$Builder}
   * gives {@code account}.
   */
  static String typeName(String className) {
    String topLevel = className.substring(className.lastIndexOf('.') + 1);
    int nested = topLevel.indexOf('$');
    if (nested >= 0) {
      topLevel = topLevel.substring(0, nested);
    }
    if (topLevel.startsWith(IMMUTABLE_PREFIX) && topLevel.length() > IMMUTABLE_PREFIX.length()) {
      topLevel = topLevel.substring(IMMUTABLE_PREFIX.length());
    }
    return Character.toLowerCase(topLevel.charAt(0)) + topLevel.substring(1);
  }

  private static boolean isCaller(Class<?> type) {
    return type != GeneratedTypes.class && !InvalidInputException.class.isAssignableFrom(type);
  }
}
