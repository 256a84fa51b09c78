package dev.amends.rules;

import dev.amends.core.account.Proration;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.threeten.extra.Interval;

/**
 * One version of a credit policy: its terms for measuring downtime, its rule tree, how credits
 * are rounded, and when it is in force.
 *
 * <pre>{@code
 * Policy sla = Policy.builder()
 *     .id("grid-sla").version(1)
 *     .effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
 *     .measurementRules(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build())
 *     .rule(Rules.availabilityTiers("tiers", Tier.range("99.0", "99.9", "10"), Tier.range("0", "99.0", "25")))
 *     .rounding(Rounding.of(RoundingMode.HALF_UP))
 *     .build();
 * sla.digest();   // sha256:…, recorded on every line it decides
 * }</pre>
 *
 * <p>Building checks the whole tree and throws one {@link PolicyDefinitionException} listing
 * every problem: duplicate node ids (with both paths), tier tables with gaps or overlaps, a bad
 * id or version, and in rules and conditions you wrote yourself a bad id, a null or multi-line
 * {@link CreditRule#kind()}, a null {@code canonical()}, or {@link CreditRule#parameters()} that
 * fail. The {@link #digest()} is the SHA-256 of the policy's {@link #canonical() canonical form},
 * derived from its data, so it changes whenever a term or a parameter of any node changes. Immutable and thread-safe.
 *
 * <p>The rule tree may be at most {@value #MAX_DEPTH} levels deep (the root is level 1) and have
 * at most {@value #MAX_NODES} nodes, a node used in several places counting once per place. Both
 * are checked first, without recursion, so a tree a hundred thousand levels deep is refused with
 * a {@link PolicyDefinitionException}, never a {@link StackOverflowError}; every tree accepted
 * can be evaluated, digested and explained.
 */
@Value.Immutable
public abstract class Policy {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * The {@code "schema"} of a policy document, which {@link #canonical()} starts with: the
   * canonical form of a policy is its JSON document ({@code dev.amends.rules.json.PolicyDocuments}).
   */
  public static final String SCHEMA = "amends.policy/1";

  /** The most levels a rule tree may have; the root is level 1. */
  public static final int MAX_DEPTH = 64;
  /** The most nodes a rule tree may have, a node used in several places counting once per place. */
  public static final int MAX_NODES = 10_000;

  Policy() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy's id, shared by all its versions. */
  public abstract String id();

  /** The version, 1 or more. */
  public abstract int version();

  /** The first instant the version is in force. */
  public abstract Instant effectiveFrom();

  /** The first instant it is no longer in force; empty means open-ended. */
  public abstract Optional<Instant> effectiveUntil();

  /** What counts as downtime; the defaults if not given. */
  @Value.Default
  public MeasurementRules measurementRules() {
    return MeasurementRules.defaults();
  }

  /**
   * The window availability is measured over, when longer than the billing period: a calendar
   * quarter on monthly billing, credited on a named invoice, or the days before a claim's date
   * ({@link MeasurementWindow}). Empty,
   * the default, measures the billing period decided. Part of the digest when set; a policy
   * without it has the digest it had before the field existed. A policy with one may not cap by
   * {@link CapLimit.PercentOfLandingFee}: the credit already lands on the invoice the window names.
   */
  public abstract Optional<MeasurementWindow> measurementWindow();

  /** The rule tree. */
  public abstract RuleNode rule();

  /** How each credit line is rounded, once, to the currency's scale. Required: never implicit. */
  public abstract Rounding rounding();

  /** How the fee is prorated for partial activity; by time by default. */
  @Value.Default
  public Proration proration() {
    return Proration.BY_TIME;
  }

  /**
   * Per currency, the amount a credit line must strictly exceed to be issued ("credits of
   * USD 1.00 or less are not issued"). Lines in currencies not listed have no minimum.
   */
  public abstract List<Money> minimumCredit();

  /** Whether a re-run that computes less than was issued may claw the difference back. */
  @Value.Default
  public boolean allowsClawback() {
    return false;
  }

  /**
   * Whether the policy means to credit more than the whole fee for a period. By default it does
   * not: when a subscription's lines under the policy are worth more than its fee for the period
   * (valued, before rounding), the decision carries {@link DecisionFlag#OVER_FULL_FEE} and a
   * warning, for a person to check. Set it for "1000 % guarantees" and goodwill that exceeds the
   * fee on purpose. Part of the digest when set.
   */
  @Value.Default
  public boolean allowsOverFullFee() {
    return false;
  }

  /**
   * The plans the policy covers, such as {@code grid-monthly}; empty, the default, covers every
   * plan. A subscription on a plan not listed is not decided under this policy (its trace says
   * so). An account with a subscription, active in the period, whose plan no policy in force
   * covers, when every policy in force lists its plans, is rejected naming the subscription's plan: a plan nobody priced an SLA
   * for is a bad record, not an account owed nothing. Part of the digest when not empty.
   */
  public abstract java.util.Set<String> plans();

  /**
   * What the policy is, for people, as lines of text: for a published SLA its source (provider,
   * product, the date or version of the text), its table, and what it leaves to the user. The
   * engine never reads it. Empty by default; part of the digest when not empty, as every field
   * of the document is, and a policy without it has the digest it had before the field existed.
   * Each line is one line: no line breaks or other control characters.
   */
  public abstract List<String> description();

  /** {@link #plans()} in order, as text ({@code [grid-annual, grid-monthly]}), for messages. */
  @Value.Lazy
  String plansText() {
    return new java.util.TreeSet<>(plans()).toString();
  }

  /** Whether the policy covers a plan: it lists no plans, or lists this one. */
  public boolean covers(String plan) {
    return plans().isEmpty() || plans().contains(plan);
  }

  /** The window in force: {@code [effectiveFrom, effectiveUntil)}. */
  public Interval effective() {
    return Interval.of(effectiveFrom(), effectiveUntil().orElse(Instant.MAX));
  }

  /** The minimum for a currency, if any. */
  public Optional<Money> minimumCredit(CurrencyUnit currency) {
    return minimumCredit().stream().filter(m -> m.getCurrencyUnit().equals(currency)).findFirst();
  }

  /** {@code id v<version>}, such as {@code grid-sla v2}. */
  public String label() {
    return id() + " v" + version();
  }

  /**
   * The canonical text the digest is computed from, derived from the policy's data: every term
   * above and every node of the rule tree with all its parameters, as deterministic JSON-shaped
   * text. Decimals are compared by value ({@code 10} and {@code 10.00} read the same) and tiers
   * are kept in order of their bounds, so only a change that can change a decision changes it.
   */
  @Value.Lazy
  public String canonical() {
    return Canonical.of(this);
  }

  /** {@code sha256:} and the hex SHA-256 of {@link #canonical()}. */
  @Value.Lazy
  public String digest() {
    return Canonical.digest(canonical());
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (!ID.matcher(id()).matches()) {
      problems.add("policy.id must start with a letter or digit and use only letters, digits, '.', '_' and '-': \""
          + id() + "\"");
    }
    if (version() < 1) {
      problems.add("policy.version must be at least 1: " + version());
    }
    if (effectiveUntil().isPresent() && !effectiveUntil().get().isAfter(effectiveFrom())) {
      problems.add("policy.effectiveUntil must be after effectiveFrom: effectiveFrom=" + effectiveFrom()
          + ", effectiveUntil=" + effectiveUntil().get());
    }
    for (String plan : plans()) {
      if (!ID.matcher(plan).matches()) {
        problems.add("policy.plans must hold ids that start with a letter or digit and use only letters, digits, '.',"
            + " '_' and '-': \"" + plan + "\"");
      }
    }
    for (int i = 0; i < description().size(); i++) {
      String line = description().get(i);
      if (line.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
        problems.add("policy.description[" + i + "] must be one line without control characters: \""
            + dev.amends.core.internal.Checks.escaped(line) + "\"");
      }
    }
    Map<CurrencyUnit, Money> minimums = new LinkedHashMap<>();
    for (Money m : minimumCredit()) {
      if (m.isNegative()) {
        problems.add("policy.minimumCredit must not be negative: " + m);
      }
      if (minimums.put(m.getCurrencyUnit(), m) != null) {
        problems.add("policy.minimumCredit has two amounts in " + m.getCurrencyUnit());
      }
    }
    rounding().increment().ifPresent(step -> {
      for (Money m : minimumCredit()) {
        int scale = Math.max(0, m.getCurrencyUnit().getDecimalPlaces());
        if (step.scale() > scale) {
          problems.add("policy.rounding increment " + step.toPlainString() + " is finer than the minor unit of "
              + m.getCurrencyUnit() + ", a currency the policy serves");
        }
      }
    });
    List<String> shape = new ArrayList<>();
    checkShape(rule(), shape);
    if (!shape.isEmpty()) {
      // Nothing below may recurse into a tree this deep or this large.
      problems.addAll(shape);
      throw new PolicyDefinitionException("policy " + id() + " v" + version(), problems);
    }
    walk(rule(), "", new LinkedHashMap<>(), problems);
    if (measurementWindow().isPresent()) {
      landingCaps(rule(), "", problems);
    }
    if (problems.isEmpty()) {
      // The digest reads every node's data; a part that cannot be read is a problem now, not later.
      try {
        Canonical.of(rule());
      } catch (Canonical.TooDeep e) {
        problems.add("policy.rule cannot be read for the digest: " + e.getMessage());
      } catch (RuntimeException e) {
        problems.add("policy.rule cannot be read for the digest: " + e);
      } catch (StackOverflowError e) {
        problems.add("policy.rule cannot be read for the digest: java.lang.StackOverflowError (a value of a node "
            + "refers to itself or nests too deeply)");
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyDefinitionException("policy " + id() + " v" + version(), problems);
    }
  }

  /**
   * Depth and size, without recursion: a problem for the first node deeper than {@link
   * #MAX_DEPTH} (its path shortened to the first and last ids) or for a tree of more than {@link
   * #MAX_NODES} nodes.
   */
  static void checkShape(RuleNode root, List<String> problems) {
    java.util.ArrayDeque<RuleNode> nodes = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    int count = 0;
    while (!nodes.isEmpty()) {
      RuleNode node = nodes.pop();
      int depth = depths.pop();
      if (++count > MAX_NODES) {
        problems.add("policy.rule has more than " + MAX_NODES + " nodes (a node used in several places counts once"
            + " per place)");
        return;
      }
      if (depth > MAX_DEPTH) {
        problems.add("policy.rule is nested deeper than " + MAX_DEPTH + " levels: node \"" + safeId(node)
            + "\" is at level " + depth + " below \"" + safeId(root) + "\"");
        return;
      }
      if (node instanceof When w && w.condition() != null
          && Conditions.depth(w.condition(), Conditions.MAX_DEPTH) > Conditions.MAX_DEPTH) {
        problems.add("policy.rule node \"" + safeId(node) + "\" has a condition nested deeper than "
            + Conditions.MAX_DEPTH + " levels of not/all/any");
        return;
      }
      if (node instanceof Combinator c) {
        List<RuleNode> children = c.children();
        for (int i = children.size() - 1; i >= 0; i--) {
          nodes.push(children.get(i));
          depths.push(depth + 1);
        }
      }
    }
  }

  private static void walk(RuleNode node, String parent, Map<String, String> seen, List<String> problems) {
    String id = safeId(node);
    String path = parent.isEmpty() ? id : parent + "/" + id;
    if (node instanceof CreditRule rule) {
      checkOwnRule(rule, path, problems);
    }
    String earlier = seen.putIfAbsent(id, path);
    if (earlier != null) {
      problems.add(path + " repeats the node id \"" + id + "\" of " + earlier);
    }
    if (node instanceof AvailabilityTiersRule t) {
      Tiers.check(path, t.tiers(), problems);
    } else if (node instanceof DaysOfServiceRule d) {
      Tiers.check(path, d.tiers(), problems);
    }
    if (node instanceof When w) {
      checkText(path + ".condition.canonical()", () -> w.condition().canonical(), problems);
    }
    if (node instanceof Cap c && Cap.CARRIED_IN.equals(safeId(c.child()))) {
      problems.add(path + "/" + Cap.CARRIED_IN + " uses the id \"" + Cap.CARRIED_IN
          + "\", which a cap keeps for the amount carried in from an earlier period");
    }
    if (node instanceof Combinator c) {
      for (RuleNode child : c.children()) {
        walk(child, path, seen, problems);
      }
    }
  }

  /** A problem for each percent-of-landing-fee cap, which a policy with a measurement window may not use. */
  private static void landingCaps(RuleNode node, String parent, List<String> problems) {
    String path = parent.isEmpty() ? safeId(node) : parent + "/" + safeId(node);
    if (node instanceof Cap c && c.limit() instanceof CapLimit.PercentOfLandingFee) {
      problems.add(path + ".limit is percent-of-landing-fee, which counts invoices from the billing period decided;"
          + " with policy.measurementWindow the credit lands on the invoice the window names: cap by percent-of-fee"
          + " (the window's fee) instead");
    }
    if (node instanceof Combinator c) {
      for (RuleNode child : c.children()) {
        landingCaps(child, path, problems);
      }
    }
  }

  /** A rule's id, kind and canonical form, checked as the built-in rules check theirs. */
  private static void checkOwnRule(CreditRule rule, String path, List<String> problems) {
    String id;
    try {
      id = rule.id();
    } catch (RuntimeException e) {
      problems.add(path + ".id() failed: " + e);
      return;
    }
    if (id == null) {
      problems.add(path + ".id() returned null; a rule needs an id");
    } else if (!ID.matcher(id).matches()) {
      problems.add(path + ".id must start with a letter or digit and use only letters, digits, '.', '_' and '-': \""
          + dev.amends.core.internal.Checks.escaped(id) + "\"");
    }
    checkText(path + ".kind()", rule::kind, problems);
    checkText(path + ".canonical()", rule::canonical, problems);
    checkText(path + ".parameters()", () -> Canonical.of(rule.parameters()), problems);
  }

  /** A text a rule or condition supplies: it must not throw, be null or blank, or span lines. */
  private static void checkText(String field, java.util.function.Supplier<String> text, List<String> problems) {
    String value;
    try {
      value = text.get();
    } catch (RuntimeException e) {
      problems.add(field + " failed: " + e);
      return;
    }
    if (value == null) {
      problems.add(field + " returned null");
      return;
    }
    try {
      dev.amends.core.internal.Checks.notBlank(field, value);
    } catch (dev.amends.core.InvalidInputException e) {
      problems.add(e.getMessage());
    }
  }

  /** A node's id for messages: {@code (null)} or {@code (failed)} when it has none to give. */
  static String safeId(RuleNode node) {
    try {
      String id = node.id();
      return id == null ? "(null)" : dev.amends.core.internal.Checks.escaped(id);
    } catch (RuntimeException e) {
      return "(failed)";
    }
  }

  /** Builds a {@link Policy}; {@link #build()} checks the whole tree. */
  public static final class Builder extends ImmutablePolicy.Builder {
    Builder() {}

    /**
     * Builds the {@link Policy}.
     *
     * @throws dev.amends.core.InvalidInputException if a required field is missing or null
     */
    @Override
    public Policy build() {
      return super.build();
    }
  }

  /**
   * The window in force as messages show it: {@code 2007-01-01T05:00:00Z/2008-01-01T05:00:00Z},
   * or {@code 2007-01-01T05:00:00Z/open-ended} without an end.
   *
   * @return the text, not null
   */
  public String effectiveText() {
    return dev.amends.core.internal.Intervals.text(effective());
  }

  /** The label and the window in force: {@code grid-sla v1 2007-01-01T05:00:00Z/open-ended}. */
  @Override
  public String toString() {
    return label() + " " + effectiveText();
  }
}
