package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.HALF_UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.AmendsException;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.DayCount;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import dev.amends.core.account.Standing;
import dev.amends.core.scope.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The digest is derived from the data: for every standard node and every parameter record,
 * changing any one component changes the policy's digest. Variants are built by reflection over
 * the record components, so a component added later is covered without touching this test.
 */
class CanonicalTest {
  static final Tier TIER = Tier.range("90", "99.9", "10");
  static final RuleNode LEAF = Rules.percentOfFee("leaf", new BigDecimal("10"));
  static final RuleNode OTHER_LEAF = Rules.percentOfFee("other-leaf", new BigDecimal("20"));

  /** One or more instances of every standard node, between them using every kind of parameter. */
  static List<RuleNode> bases() {
    return List.of(
        Rules.availabilityTiers("tiers", TIER),
        Rules.perBlock("blocks", Duration.ofMinutes(30), new BigDecimal("5"), Rules.BlockCount.STARTED),
        Rules.multipleOfProratedFee("multiple", new BigDecimal("10"), new BigDecimal("99.9")),
        Rules.multipleOfProratedFee("multiple-fixed", new BigDecimal("10"), Duration.ofMinutes(43)),
        Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, TIER),
        Rules.daysOfService("days-valued", DaysValue.valuedAt(DayCount.ACTUAL), TIER),
        Rules.freePeriods("free", new BigDecimal("2"), Rules.FreePeriodValue.MONTHLY_PRICE),
        Rules.percentOfFee("percent", new BigDecimal("10")),
        Rules.flatAmount("flat", Money.parse("USD 5.00")),
        Rules.sum("sum", LEAF),
        Rules.mostGenerous("most", LEAF),
        Rules.firstMatch("first", LEAF),
        Rules.exactlyOne("one", LEAF),
        Rules.cap("cap-percent", CapLimit.percentOfFee(new BigDecimal("100")), LEAF),
        Rules.cap("cap-amount", CapLimit.amount(Money.parse("USD 500.00")), LEAF),
        Rules.cap("cap-days", CapLimit.days(new BigDecimal("30"), DayCount.ACTUAL), LEAF),
        Rules.cap("cap-landing", CapLimit.percentOfLandingFee(new BigDecimal("100"), 1), LEAF),
        Rules.when("when", Conditions.planIn("pro"), LEAF),
        Rules.when("when-else", Conditions.planIn("pro"), LEAF, OTHER_LEAF),
        Rules.requiresClaim("claim", ClaimDeadline.daysAfterIncident(30), LEAF),
        Rules.perOutage("each", LEAF),
        Rules.when("c-placed", Conditions.placedUnder(Scope.of("grid")), LEAF),
        Rules.when("c-tagged", Conditions.affectedByOutageTagged("storage"), LEAF),
        Rules.when("c-outage", Conditions.affectedByOutage("INC-1"), LEAF),
        Rules.when("c-standing", Conditions.standingIn(Standing.Status.GOOD), LEAF),
        Rules.when("c-incident", Conditions.inGoodStandingAtIncident(), LEAF),
        Rules.when("c-throughout", Conditions.inGoodStandingThroughoutPeriod(), LEAF),
        Rules.when("c-since", Conditions.customerSinceOnOrBefore(LocalDate.of(2020, 1, 1)), LEAF),
        Rules.when("c-claim", Conditions.claimFiledInTime(ClaimDeadline.endOfBillingCycleAfterIncident(1)), LEAF),
        Rules.when("c-below", Conditions.availabilityBelow(new BigDecimal("99.9")), LEAF),
        Rules.when("c-downtime", Conditions.downtimeAtLeast(Duration.ofHours(1)), LEAF),
        Rules.when("c-active", Conditions.activeAt(Instant.parse("2024-06-01T00:00:00Z")), LEAF),
        Rules.when("c-all", Conditions.all(Conditions.planIn("pro")), LEAF),
        Rules.when("c-any", Conditions.any(Conditions.planIn("pro")), LEAF),
        Rules.when("c-not", Conditions.not(Conditions.planIn("pro")), LEAF));
  }

  static Policy policy(RuleNode rule) {
    return Policy.builder().id("p").version(1).effectiveFrom(Instant.parse("2024-01-01T00:00:00Z"))
        .rule(rule).rounding(HALF_UP).build();
  }

  @Test
  void changingAnyComponentOfAnyNodeOrParameterChangesTheDigest() {
    Set<Class<?>> covered = new HashSet<>();
    List<String> checked = new ArrayList<>();
    for (RuleNode base : bases()) {
      everyComponentChangesTheDigest((Record) base, r -> policy((RuleNode) r), base.id(), covered, checked);
    }
    // Every standard node and parameter record is covered: a new one must be added to bases().
    Set<Class<?>> expected = new HashSet<>(Arrays.asList(Combinator.class.getPermittedSubclasses()));
    expected.addAll(Arrays.asList(CapLimit.class.getPermittedSubclasses()));
    expected.addAll(Arrays.asList(ProratedMultipleRule.Allowance.class.getPermittedSubclasses()));
    for (Class<?> c : Conditions.class.getDeclaredClasses()) {
      if (c.isRecord()) {
        expected.add(c);
      }
    }
    expected.add(Tier.class);
    expected.add(ClaimDeadline.class);
    expected.add(DaysValue.class);
    for (Method m : Rules.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getReturnType().isRecord()) {
        expected.add(m.getReturnType());
      }
    }
    assertThat(covered).containsAll(expected);
    assertThat(checked).contains("tiers.tiers[0].lower", "cap-days.limit.dayCount", "claim.deadline.count",
        "when-else.otherwise", "days-valued.value.dayCount", "multiple.allowance.percent", "multiple-fixed.allowance.duration", "c-all.condition.conditions[0].plans",
        "c-not.condition.condition", "c-standing.condition.statuses");
  }

  /**
   * For each component of {@code base}: at least one valid variant exists, and every valid
   * variant changes the digest of the policy {@code wrap} makes of it. Recurses into components
   * that are parameter records (not nodes), and into the first item of a list of them.
   */
  private void everyComponentChangesTheDigest(
      Record base, Function<Record, Policy> wrap, String path, Set<Class<?>> covered, List<String> checked) {
    covered.add(base.getClass());
    String digest = wrap.apply(base).digest();
    RecordComponent[] components = base.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      String at = path + "." + c.getName();
      Object value = read(c, base);
      int built = 0;
      for (Object variant : variants(c.getGenericType(), value)) {
        Policy changed;
        try {
          changed = wrap.apply(with(base, i, variant));
        } catch (AmendsException e) {
          continue; // not a valid variant (a tier out of range, two allowances)
        }
        built++;
        assertThat(changed.digest()).as("%s changed from %s to %s", at, value, variant).isNotEqualTo(digest);
      }
      assertThat(built).as("valid variants of %s", at).isPositive();
      checked.add(at);
      final int index = i;
      if (value instanceof Record r && !(value instanceof RuleNode)) {
        everyComponentChangesTheDigest(r, x -> wrap.apply(with(base, index, x)), at, covered, checked);
      } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Record r
          && !(r instanceof RuleNode)) {
        everyComponentChangesTheDigest(r, x -> {
          List<Object> copy = new ArrayList<>(list);
          copy.set(0, x);
          return wrap.apply(with(base, index, List.copyOf(copy)));
        }, at + "[0]", covered, checked);
      }
    }
  }

  /** Values of the type that differ from {@code value}. */
  private static List<Object> variants(Type type, Object value) {
    Class<?> raw = raw(type);
    List<Object> out = new ArrayList<>();
    if (raw == String.class) {
      out.add(value + "x");
    } else if (raw == BigDecimal.class) {
      BigDecimal d = (BigDecimal) value;
      out.add(d.add(BigDecimal.ONE));
      out.add(d.subtract(BigDecimal.ONE));
    } else if (raw == int.class) {
      out.add((Integer) value + 1);
    } else if (raw == boolean.class) {
      out.add(!(Boolean) value);
    } else if (raw == Duration.class) {
      out.add(((Duration) value).plusMinutes(1));
    } else if (raw.isEnum()) {
      for (Object e : raw.getEnumConstants()) {
        if (e != value) {
          out.add(e);
        }
      }
    } else if (raw == Money.class) {
      out.add(((Money) value).plusMajor(1));
    } else if (raw == Optional.class) {
      Type inner = ((ParameterizedType) type).getActualTypeArguments()[0];
      Optional<?> o = (Optional<?>) value;
      if (o.isPresent()) {
        out.add(Optional.empty());
        variants(inner, o.get()).forEach(v -> out.add(Optional.of(v)));
      } else {
        out.add(Optional.of(sample(raw(inner))));
      }
    } else if (raw == List.class) {
      Type inner = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<?> list = (List<?>) value;
      for (Object v : variants(inner, list.get(0))) {
        List<Object> copy = new ArrayList<>(list);
        copy.set(0, v);
        out.add(List.copyOf(copy));
      }
    } else if (raw == Set.class) {
      Class<?> inner = raw(((ParameterizedType) type).getActualTypeArguments()[0]);
      if (inner.isEnum()) {
        for (Object e : inner.getEnumConstants()) {
          Set<Object> toggled = new HashSet<>((Set<?>) value);
          if (!toggled.remove(e)) {
            toggled.add(e);
          }
          out.add(Set.copyOf(toggled));
        }
      } else {
        Set<Object> more = new TreeSet<>((Set<?>) value);
        more.add("other");
        out.add(Set.copyOf(more));
      }
    } else if (raw == LocalDate.class) {
      out.add(((LocalDate) value).plusDays(1));
    } else if (raw == Instant.class) {
      out.add(((Instant) value).plusSeconds(1));
    } else if (raw == Scope.class) {
      out.add(Scope.of("other"));
    } else if (RuleNode.class.isAssignableFrom(raw)) {
      out.add(OTHER_LEAF);
      out.add(Rules.percentOfFee("third-leaf", new BigDecimal("30")));
    } else if (raw == CapLimit.class) {
      out.add(CapLimit.percentOfFee(new BigDecimal("50")));
      out.add(CapLimit.amount(Money.parse("USD 1.00")));
    } else if (raw == Condition.class) {
      out.add(Conditions.planIn("basic"));
    } else if (raw == ClaimDeadline.class) {
      out.add(ClaimDeadline.daysAfterPeriodEnd(30));
    } else if (raw == ProratedMultipleRule.Allowance.class) {
      out.add(new ProratedMultipleRule.FixedAllowance(Duration.ofHours(2)));
      out.add(new ProratedMultipleRule.AvailabilityPercent(new BigDecimal("95")));
    } else if (raw == DaysValue.class) {
      out.add(DaysValue.valuedAt(DayCount.THIRTY));
    } else if (raw.isRecord()) {
      // Another record of the type: one component changed.
      RecordComponent[] cs = raw.getRecordComponents();
      for (int i = 0; i < cs.length; i++) {
        for (Object v : variants(cs[i].getGenericType(), read(cs[i], value))) {
          try {
            out.add(with((Record) value, i, v));
          } catch (AmendsException e) {
            // not valid; try the next
          }
        }
      }
    } else {
      throw new AssertionError("no variants for " + type + ": add them here");
    }
    out.removeIf(v -> v.equals(value));
    return out;
  }

  private static Object sample(Class<?> type) {
    if (type == Duration.class) {
      return Duration.ofHours(1);
    }
    if (type == BigDecimal.class) {
      return new BigDecimal("99");
    }
    if (type == DayCount.class) {
      return DayCount.ACTUAL;
    }
    if (RuleNode.class.isAssignableFrom(type)) {
      return OTHER_LEAF;
    }
    throw new AssertionError("no sample of " + type + ": add one here");
  }

  private static Class<?> raw(Type t) {
    return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
  }

  private static Object read(RecordComponent c, Object target) {
    try {
      c.getAccessor().setAccessible(true);
      return c.getAccessor().invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** A copy of the record with component {@code index} replaced, built by its canonical constructor. */
  private static Record with(Record r, int index, Object value) {
    RecordComponent[] cs = r.getClass().getRecordComponents();
    Object[] args = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    for (int i = 0; i < cs.length; i++) {
      args[i] = i == index ? value : read(cs[i], r);
      types[i] = cs[i].getType();
    }
    try {
      Constructor<?> k = r.getClass().getDeclaredConstructor(types);
      k.setAccessible(true);
      return (Record) k.newInstance(args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new AssertionError(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyPublicAccessorOfAValueTypeIsInItsCanonicalForm() {
    // Accessors that are derived from others or are not part of the value.
    Set<String> derived = Set.of(
        "Policy.effective", "Policy.effectiveText", "Policy.label", "Policy.canonical", "Policy.digest", "Policy.toString",
        "Campaign.canonical", "Campaign.digest",
        "MaintenanceWindow.excludingAllDowntime");
    for (var e : Canonical.ACCESSORS.entrySet()) {
      Class<?> type = e.getKey();
      Set<String> accessors = Arrays.stream(type.getDeclaredMethods())
          .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
          .filter(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class)
          .map(Method::getName)
          .filter(n -> !Set.of("toString", "hashCode").contains(n))
          .filter(n -> !derived.contains(type.getSimpleName() + "." + n))
          .collect(Collectors.toSet());
      assertThat(e.getValue()).as("accessors of %s in Canonical.ACCESSORS", type.getSimpleName())
          .containsExactlyInAnyOrderElementsOf(accessors);
    }
  }

  @Test
  void theCanonicalFormIsJsonShapedAndReadsDecimalsByValue() {
    assertThat(Canonical.of(Rules.cap("cap", CapLimit.amount(Money.parse("USD 500.00")),
        Rules.percentOfFee("ten", new BigDecimal("10.00")))))
        .isEqualTo("{\"kind\":\"cap\",\"id\":\"cap\",\"limit\":{\"type\":\"amount\",\"amounts\":"
            + "[{\"currency\":\"USD\",\"amount\":500.00}]},\"scope\":\"PER_PERIOD\",\"spread\":\"IN_ORDER\","
            + "\"excess\":\"DROPPED\",\"child\":{\"kind\":\"percent-of-fee\",\"id\":\"ten\",\"percent\":10}}");
  }

  @Test
  void typesAreNamedByTheirSimpleNameInKebabCaseNeverByClassName() {
    assertThat(Canonical.typeName(CapLimit.PercentOfFee.class)).isEqualTo("percent-of-fee");
    assertThat(Canonical.typeName(Conditions.InGoodStandingAtIncident.class)).isEqualTo("in-good-standing-at-incident");
    assertThat(Canonical.typeName(Tier.class)).isEqualTo("tier");
    assertThat(Canonical.of(Conditions.planIn("grid"))).isEqualTo("{\"type\":\"plan-in\",\"plans\":[\"grid\"]}");
  }

  @Test
  void aPolicysCanonicalFormStartsWithItsDocumentSchema() {
    Policy p = Policy.builder().id("p").version(1).effectiveFrom(java.time.Instant.EPOCH)
        .rule(Rules.percentOfFee("ten", BigDecimal.TEN))
        .rounding(dev.amends.core.money.Rounding.of(java.math.RoundingMode.HALF_UP)).build();

    assertThat(p.canonical()).startsWith("{\"schema\":\"amends.policy/1\",\"id\":\"p\",\"version\":1,");
  }

  @Test
  void aUserRuleEntersTheDigestWithItsParameters() {
    record Loyalty(String id, Duration minimum, BigDecimal percent) implements CreditRule {
      @Override
      public Outcome evaluate(RuleContext context) {
        return Outcome.noCredit("never");
      }
    }
    Loyalty five = new Loyalty("loyalty", Duration.ofHours(1), new BigDecimal("5"));
    assertThat(five.parameters()).containsExactly(
        java.util.Map.entry("minimum", Duration.ofHours(1)), java.util.Map.entry("percent", new BigDecimal("5")));
    assertThat(five.kind()).isEqualTo("Loyalty");
    assertThat(policy(five).digest())
        .isNotEqualTo(policy(new Loyalty("loyalty", Duration.ofHours(2), new BigDecimal("5"))).digest())
        .isNotEqualTo(policy(new Loyalty("loyalty", Duration.ofHours(1), new BigDecimal("6"))).digest())
        .isEqualTo(policy(new Loyalty("loyalty", Duration.ofHours(1), new BigDecimal("5.0"))).digest());
  }

  @Test
  void aConditionWhoseDataCannotBeReadIsRefusedWhenThePolicyIsBuilt() {
    record Broken(String tag) implements Condition {
      @Override
      public String tag() {
        throw new IllegalStateException("no tag today");
      }

      @Override
      public ConditionResult test(RuleContext context) {
        return new ConditionResult(true, "always", "always");
      }

      @Override
      public String canonical() {
        return "broken";
      }
    }

    PolicyDefinitionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        PolicyDefinitionException.class, () -> policy(Rules.when("w", new Broken("x"), LEAF)));

    assertThat(e.problems()).singleElement().asString()
        .startsWith("policy.rule cannot be read for the digest: ").contains("no tag today");
  }

  @Test
  void measurementRulesEnterTheDigest() {
    Policy base = policy(LEAF);
    Policy changed = Policy.builder().from(base)
        .measurementRules(MeasurementRules.builder().degradedCounts(!MeasurementRules.defaults().degradedCounts()).build()).build();
    assertThat(changed.digest()).isNotEqualTo(base.digest());
  }
}
