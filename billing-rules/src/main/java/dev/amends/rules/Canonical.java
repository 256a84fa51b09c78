package dev.amends.rules;

import dev.amends.core.measure.Granularity;
import dev.amends.core.measure.MaintenanceWindow;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.PartialImpact;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The canonical form of a policy and its parts, derived from their data: a deterministic,
 * JSON-shaped text that the digest is computed from. Nothing in it is written by hand per type:
 *
 * <ul>
 *   <li>records (every standard node, limit, deadline, tier) by their components, in declared
 *       order, after a {@code "type"} (rule nodes: {@code "kind"}) naming them: the record's simple
 *       name in kebab case ({@code CapLimit.PercentOfFee} is {@code percent-of-fee}), never a
 *       class name;
 *   <li>a {@link Policy} after {@code "schema"} ({@link Policy#SCHEMA}), a {@link Campaign} after
 *       {@code "schema"} ({@link Campaign#SCHEMA}): the canonical form of each is its canonical
 *       JSON document, which {@code dev.amends.rules.json} reads back;
 *   <li>user rules that are not records by kind, id and {@link CreditRule#parameters()} (and
 *       their own {@code canonical()} text, if they override it); user conditions that are not
 *       records by their {@code canonical()} text;
 *   <li>the value classes of billing-core, {@link Policy} and {@link Campaign} by the accessors listed in {@link
 *       #ACCESSORS} (a test checks that the list holds every public accessor of each);
 *   <li>decimals as plain text without trailing zeros ({@code 10} and {@code 10.00} are the same),
 *       ratios as {@code n/d}, durations, instants, dates and zones in ISO form, enums by name,
 *       money as currency and amount, optionals as their value or {@code null}, lists in order,
 *       sets sorted by their canonical text, maps sorted by key.
 * </ul>
 */
final class Canonical {
  /**
   * One SHA-256 digest per thread, reused: {@link MessageDigest#digest(byte[])} resets it, so no
   * state leaks from one text to the next.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  });

  /**
   * A content digest: {@code sha256:} and the hex SHA-256 of the text (UTF-8), as policies and
   * campaigns record on every line they decide.
   */
  static String digest(String text) {
    return "sha256:" + HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The most levels of nesting written; deeper values are refused rather than overflow the stack. */
  static final int MAX_NESTING = 256;

  /**
   * The accessors that make up the value of each non-record value type, in the order written.
   * Every public no-argument accessor of the type must be listed here or be derivable from those
   * listed; {@code CanonicalTest} checks it.
   */
  static final Map<Class<?>, List<String>> ACCESSORS = accessors();

  /**
   * Accessors added after a type's first release, written only when not empty, so that the
   * canonical text, and the digest, of a value that does not use them stays what it was.
   */
  static final Map<Class<?>, Set<String>> OMITTED_WHEN_EMPTY = Map.of(
      Policy.class, Set.of("plans", "description", "measurementWindow"),
      Campaign.class, Set.of("reviewAbove"),
      Granularity.class, Set.of("threshold"));

  private Canonical() {}

  private static Map<Class<?>, List<String>> accessors() {
    Map<Class<?>, List<String>> m = new LinkedHashMap<>();
    m.put(Policy.class, List.of("id", "version", "effectiveFrom", "effectiveUntil", "measurementRules",
        "measurementWindow", "rule",
        "rounding", "proration", "minimumCredit", "allowsClawback", "allowsOverFullFee", "plans", "description"));
    m.put(Campaign.class, List.of("id", "eligibleAt", "eligibility", "unit", "grant", "rounding", "measurementRules",
        "reviewAbove"));
    m.put(MeasurementRules.class, List.of("maintenanceNotice", "maintenanceBudget", "standingWindows",
        "excludedCauses", "degradedCounts", "minimumDowntime", "granularity", "countFrom", "partialImpact",
        "denominator", "source", "telemetry"));
    m.put(TelemetryRules.class, List.of("method", "errorThreshold", "minimumRequests", "emptyInterval", "missingData"));
    m.put(Granularity.class, List.of("isExact", "slice", "countsStartedSlices", "threshold"));
    m.put(PartialImpact.class, List.of("isWeighted", "threshold"));
    m.put(MaintenanceWindow.class, List.of("days", "start", "end", "zone", "excludesAllDowntime"));
    m.put(Rounding.class, List.of("mode", "increment"));
    return Map.copyOf(m);
  }

  /** The canonical text of a value. */
  static String of(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.toString();
  }

  /** A record's components by name, in declared order, leaving out those named in {@code except}. */
  static Map<String, Object> componentsOf(Record r, String... except) {
    Map<String, Object> out = new LinkedHashMap<>();
    outer:
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      for (String e : except) {
        if (e.equals(c.getName())) {
          continue outer;
        }
      }
      out.put(c.getName(), invoke(c.getAccessor(), r));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * A value nested deeper than {@link #MAX_NESTING} levels, naming the rule nodes it lies in, from
   * the outermost: {@code value nested deeper than 256 levels, in node sla/inner/mine}.
   */
  static final class TooDeep extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> ids;

    TooDeep(List<String> ids) {
      super("value nested deeper than " + MAX_NESTING + " levels"
          + (ids.isEmpty() ? "" : ", in node " + String.join("/", ids)));
      this.ids = ids;
    }

    /** The same, inside one more node. */
    TooDeep inside(RuleNode node) {
      List<String> out = new java.util.ArrayList<>(ids.size() + 1);
      out.add(Policy.safeId(node));
      out.addAll(ids);
      return new TooDeep(List.copyOf(out));
    }
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (depth > MAX_NESTING) {
      throw new TooDeep(List.of());
    }
    switch (v) {
      case null -> sb.append("null");
      case String s -> string(sb, s);
      case Boolean b -> sb.append(b);
      case Integer i -> sb.append(i);
      case Long l -> sb.append(l);
      case Short s -> sb.append(s);
      case Byte b -> sb.append(b);
      case BigInteger i -> sb.append(i);
      case BigDecimal d -> sb.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
      case Ratio r -> string(sb, r.numerator() + "/" + r.denominator());
      case Enum<?> e -> string(sb, e.name());
      case Duration d -> string(sb, d.toString());
      case Instant i -> string(sb, i.toString());
      case LocalDate d -> string(sb, d.toString());
      case LocalTime t -> string(sb, t.toString());
      case ZoneId z -> string(sb, z.getId());
      case CurrencyUnit c -> string(sb, c.getCode());
      case Money m -> {
        sb.append("{\"currency\":");
        string(sb, m.getCurrencyUnit().getCode());
        sb.append(",\"amount\":").append(m.getAmount().toPlainString()).append('}');
      }
      case Optional<?> o -> write(sb, o.orElse(null), depth + 1);
      case Set<?> s -> {
        List<String> items = new ArrayList<>();
        for (Object item : s) {
          StringBuilder one = new StringBuilder();
          write(one, item, depth + 1);
          items.add(one.toString());
        }
        java.util.Collections.sort(items);
        sb.append('[').append(String.join(",", items)).append(']');
      }
      case Collection<?> c -> {
        sb.append('[');
        boolean first = true;
        for (Object item : c) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          write(sb, item, depth + 1);
        }
        sb.append(']');
      }
      case Map<?, ?> m -> {
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          sorted.put(String.valueOf(e.getKey()), e.getValue());
        }
        object(sb, null, null, sorted, depth);
      }
      case RuleNode n when n instanceof Record r -> {
        try {
          object(sb, "kind", n.kind(), componentsOf(r), depth);
        } catch (TooDeep e) {
          throw e.inside(n);
        }
      }
      case CreditRule rule -> {
        try {
          object(sb, "kind", rule.kind(), userRule(rule), depth);
        } catch (TooDeep e) {
          throw e.inside(rule);
        }
      }
      case Record r -> object(sb, "type", typeName(r.getClass()), componentsOf(r), depth);
      case Policy p -> object(sb, "schema", Policy.SCHEMA, values(Policy.class, p), depth);
      case Campaign c -> object(sb, "schema", Campaign.SCHEMA, values(Campaign.class, c), depth);
      case Condition c -> object(sb, "type", "condition", Map.of("canonical", String.valueOf(c.canonical())), depth);
      case TemporalAccessor t -> string(sb, t.toString());
      default -> {
        Class<?> type = registered(v.getClass());
        if (type == null) {
          string(sb, v.toString());
        } else {
          object(sb, "type", typeName(type), values(type, v), depth);
        }
      }
    }
  }

  /** The values of the accessors {@link #ACCESSORS} lists for a type, in order. */
  private static Map<String, Object> values(Class<?> type, Object v) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : ACCESSORS.get(type)) {
      Object value = invoke(method(type, name), v);
      if ((value instanceof Collection<?> c && c.isEmpty() || value instanceof Optional<?> o && o.isEmpty())
          && OMITTED_WHEN_EMPTY.getOrDefault(type, Set.of()).contains(name)) {
        continue;
      }
      values.put(name, value);
    }
    return values;
  }

  /** A rule that is not a record: its id, its parameters, and its own canonical text if it has one. */
  private static Map<String, Object> userRule(CreditRule rule) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("id", rule.id());
    values.put("parameters", rule.parameters());
    if (overridesCanonical(rule.getClass())) {
      values.put("canonical", rule.canonical());
    }
    return values;
  }

  private static boolean overridesCanonical(Class<?> type) {
    try {
      return type.getMethod("canonical").getDeclaringClass() != RuleNode.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static void object(StringBuilder sb, String tagName, String tag, Map<String, Object> values, int depth) {
    sb.append('{');
    boolean first = true;
    if (tagName != null) {
      string(sb, tagName);
      sb.append(':');
      string(sb, tag);
      first = false;
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, e.getKey());
      sb.append(':');
      write(sb, e.getValue(), depth + 1);
    }
    sb.append('}');
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * {@code tier}, {@code amount} ({@code CapLimit.Amount}), {@code plan-in} ({@code
   * Conditions.PlanIn}): the innermost simple name in kebab case, so that no class name is written.
   */
  static String typeName(Class<?> type) {
    String name = type.getName();
    name = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The registered value type a class is or extends (an Immutables class extends its value type). */
  private static Class<?> registered(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getSuperclass()) {
      if (ACCESSORS.containsKey(t)) {
        return t;
      }
    }
    return null;
  }

  private static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(typeName(type) + " has no accessor " + name, e);
    }
  }

  private static Object invoke(Method accessor, Object target) {
    try {
      if (!accessor.canAccess(target)) {
        accessor.setAccessible(true);
      }
      return accessor.invoke(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("reading " + accessor.getName() + " failed", e.getCause());
    }
  }
}
