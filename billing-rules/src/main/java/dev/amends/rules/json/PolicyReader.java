package dev.amends.rules.json;

import static dev.amends.rules.json.Walk.BOOLEAN;
import static dev.amends.rules.json.Walk.DATE;
import static dev.amends.rules.json.Walk.DECIMAL;
import static dev.amends.rules.json.Walk.DURATION;
import static dev.amends.rules.json.Walk.INSTANT;
import static dev.amends.rules.json.Walk.INT;
import static dev.amends.rules.json.Walk.LONG;
import static dev.amends.rules.json.Walk.MONEY;
import static dev.amends.rules.json.Walk.RATIO_VALUE;
import static dev.amends.rules.json.Walk.STRING;
import static dev.amends.rules.json.Walk.TIME;
import static dev.amends.rules.json.Walk.ZONE;
import static dev.amends.rules.json.Walk.choice;
import static dev.amends.rules.json.Walk.list;
import static dev.amends.rules.json.Walk.set;

import dev.amends.core.account.Proration;
import dev.amends.core.account.Standing;
import dev.amends.core.measure.CountFrom;
import dev.amends.core.measure.Denominator;
import dev.amends.core.measure.Granularity;
import dev.amends.core.measure.MaintenanceWindow;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.PartialImpact;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.money.DayCount;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Cause;
import dev.amends.core.scope.Scope;
import dev.amends.rules.AvailabilityTiersRule;
import dev.amends.rules.Campaign;
import dev.amends.rules.Cap;
import dev.amends.rules.CapLimit;
import dev.amends.rules.ClaimDeadline;
import dev.amends.rules.Condition;
import dev.amends.rules.Conditions;
import dev.amends.rules.CreditRule;
import dev.amends.rules.DaysOfServiceRule;
import dev.amends.rules.DaysValue;
import dev.amends.rules.ExactlyOne;
import dev.amends.rules.FirstMatch;
import dev.amends.rules.FlatAmountRule;
import dev.amends.rules.FreePeriodsRule;
import dev.amends.rules.MeasurementWindow;
import dev.amends.rules.MostGenerous;
import dev.amends.rules.PerBlockRule;
import dev.amends.rules.PerOutage;
import dev.amends.rules.PercentOfFeeRule;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyDefinitionException;
import dev.amends.rules.ProratedMultipleRule;
import dev.amends.rules.RequiresClaim;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Sum;
import dev.amends.rules.Tier;
import dev.amends.rules.When;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.joda.money.Money;
import tools.jackson.databind.JsonNode;

/**
 * Reads one policy from its JSON tree, collecting every problem, then checks what only a whole
 * policy shows (through {@link Policy.Builder#build()}, whose problems are mapped back to
 * pointers) and what a document may not say (percentages over 100, caps of zero).
 *
 * <p>Rule nodes are chosen by their {@code "kind"}, conditions, cap limits and allowances by their
 * {@code "type"}: names from a fixed list, or registered in {@link RuleTypes}; nothing in a
 * document ever names a Java class.
 */
final class PolicyReader {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** The standard rule kinds, by name; each reads the node's fields after {@code kind}. */
  private final Map<String, BiFunction<Walk.Obj, String, RuleNode>> kinds = new LinkedHashMap<>();
  /** The standard condition types. */
  private final Map<String, java.util.function.Function<Walk.Obj, Condition>> conditions = new LinkedHashMap<>();

  private final Walk walk;
  private final RuleTypes types;
  /** Node id paths ({@code sla/tiers}) to their pointers, to place the policy's own problems. */
  private final Map<String, String> pointers = new LinkedHashMap<>();
  private boolean allowsOverFullFee;
  private int nodes;
  /**
   * Every node read with an id, in document order (as {@link Policy} walks a tree), and every tier
   * node built: what a document with problems is still checked for ({@link #wholeTreeProblems}).
   */
  private final List<ReadNode> readNodes = new ArrayList<>();
  private final List<ReadNode> tierNodes = new ArrayList<>();

  /** A node as read: its id, its id path, its pointer, and the node if it was built. */
  private record ReadNode(String id, String path, String pointer, RuleNode node) {}
  /** The id path of the node being read ({@code sla/tiers}): the parent path of its children. */
  private String nodePath = "";

  PolicyReader(Walk walk, RuleTypes types) {
    this.walk = walk;
    this.types = types;
    kinds.put("availability-tiers", (o, id) -> {
      List<Tier> tiers = tiers(o, true);
      return tiers == null ? null : walk.build(o.pointer, o.node, () -> new AvailabilityTiersRule(id, tiers));
    });
    kinds.put("per-block", (o, id) -> {
      var block = o.required("block", DURATION);
      BigDecimal percent = percent(o, "percentPerBlock", o.required("percentPerBlock", DECIMAL));
      var count = o.optional("count", choice(Rules.BlockCount.class), Rules.BlockCount.STARTED);
      return block == null || percent == null || count == null ? null
          : walk.build(o.pointer, o.node, () -> new PerBlockRule(id, block, percent, count));
    });
    kinds.put("prorated-multiple", (o, id) -> {
      BigDecimal multiple = o.required("multiple", DECIMAL);
      ProratedMultipleRule.Allowance allowance = o.required("allowance", this::allowance);
      return multiple == null || allowance == null ? null
          : walk.build(o.pointer, o.node, () -> new ProratedMultipleRule(id, multiple, allowance));
    });
    kinds.put("days-of-service", (o, id) -> {
      List<Tier> tiers = tiers(o, false);
      DaysValue value = o.optional("value", this::daysValue, DaysValue.TERM_EXTENSION_ONLY);
      return tiers == null || value == null ? null
          : walk.build(o.pointer, o.node, () -> new DaysOfServiceRule(id, tiers, value));
    });
    kinds.put("free-periods", (o, id) -> {
      BigDecimal count = o.required("count", DECIMAL);
      var valuation = o.required("valuation", choice(Rules.FreePeriodValue.class));
      return count == null || valuation == null ? null
          : walk.build(o.pointer, o.node, () -> new FreePeriodsRule(id, count, valuation));
    });
    kinds.put("percent-of-fee", (o, id) -> {
      BigDecimal percent = percent(o, "percent", o.required("percent", DECIMAL));
      return percent == null ? null : walk.build(o.pointer, o.node, () -> new PercentOfFeeRule(id, percent));
    });
    kinds.put("flat-amount", (o, id) -> {
      List<Money> amounts = o.required("amounts", list(MONEY));
      return amounts == null ? null : walk.build(o.pointer, o.node, () -> new FlatAmountRule(id, amounts));
    });
    kinds.put("sum", (o, id) -> children(o, id, Sum::new));
    kinds.put("most-generous", (o, id) -> children(o, id, MostGenerous::new));
    kinds.put("first-match", (o, id) -> {
      RuleNode n = children(o, id, FirstMatch::new);
      if (n instanceof FirstMatch f) {
        unreachable(o, f);
      }
      return n;
    });
    kinds.put("exactly-one", (o, id) -> children(o, id, ExactlyOne::new));
    kinds.put("cap", (o, id) -> {
      CapLimit limit = o.required("limit", this::capLimit);
      var scope = o.optional("scope", choice(Rules.CapScope.class), Rules.CapScope.PER_PERIOD);
      var spread = o.optional("spread", choice(Rules.Spread.class), Rules.Spread.IN_ORDER);
      var excess = o.optional("excess", choice(Rules.Excess.class), Rules.Excess.DROPPED);
      RuleNode child = o.required("child", (w, n, p) -> node(n, p, nodePath));
      return limit == null || scope == null || spread == null || excess == null || child == null ? null
          : walk.build(o.pointer, o.node, () -> new Cap(id, limit, scope, spread, excess, child));
    });
    kinds.put("when", (o, id) -> {
      Condition condition = o.required("condition", this::condition);
      RuleNode then = o.required("then", (w, n, p) -> node(n, p, nodePath));
      Optional<RuleNode> otherwise = o.optional("otherwise", ((Walk.Value<RuleNode>) (w, n, p) -> node(n, p, nodePath))
          .optionally(), Optional.empty());
      return condition == null || then == null || otherwise == null ? null
          : walk.build(o.pointer, o.node, () -> new When(id, condition, then, otherwise));
    });
    kinds.put("requires-claim", (o, id) -> {
      ClaimDeadline deadline = o.required("deadline", this::deadline);
      RuleNode child = o.required("child", (w, n, p) -> node(n, p, nodePath));
      return deadline == null || child == null ? null
          : walk.build(o.pointer, o.node, () -> new RequiresClaim(id, deadline, child));
    });
    kinds.put("per-outage", (o, id) -> {
      RuleNode child = o.required("child", (w, n, p) -> node(n, p, nodePath));
      return child == null ? null : walk.build(o.pointer, o.node, () -> new PerOutage(id, child));
    });

    conditions.put("plan-in", o -> with(o, o.required("plans", set(STRING)), Conditions.PlanIn::new));
    conditions.put("placed-under", o -> with(o, o.required("scope", Walk.parsed("a scope path (such as"
        + " \"grid/cluster-2\")", Scope::of)), Conditions.PlacedUnder::new));
    conditions.put("affected-by-outage-tagged", o -> with(o, o.required("tag", STRING),
        Conditions.AffectedByOutageTagged::new));
    conditions.put("affected-by-outage", o -> with(o, o.required("outageId", STRING), Conditions.AffectedByOutage::new));
    conditions.put("standing-in", o -> with(o, o.required("statuses", set(choice(Standing.Status.class))),
        Conditions.StandingIn::new));
    conditions.put("in-good-standing-at-incident", o -> new Conditions.InGoodStandingAtIncident());
    conditions.put("in-good-standing-throughout-period", o -> new Conditions.InGoodStandingThroughoutPeriod());
    conditions.put("customer-since-on-or-before", o -> with(o, o.required("date", DATE),
        Conditions.CustomerSinceOnOrBefore::new));
    conditions.put("claim-filed-in-time", o -> with(o, o.required("deadline", this::deadline),
        Conditions.ClaimFiledInTime::new));
    conditions.put("availability-below", o -> with(o, o.required("percent", DECIMAL), Conditions.AvailabilityBelow::new));
    conditions.put("downtime-at-least", o -> with(o, o.required("duration", DURATION), Conditions.DowntimeAtLeast::new));
    conditions.put("active-at", o -> with(o, o.required("instant", INSTANT), Conditions.ActiveAt::new));
    conditions.put("all", o -> with(o, o.required("conditions", list(this::condition)), Conditions.All::new));
    conditions.put("any", o -> with(o, o.required("conditions", list(this::condition)), Conditions.Any::new));
    conditions.put("not", o -> with(o, o.required("condition", this::condition), Conditions.Not::new));
  }

  /** The names of the standard rule kinds. */
  static final Set<String> STANDARD_KINDS =
      Set.copyOf(new PolicyReader(new Walk(), RuleTypes.none()).kinds.keySet());

  // ---- policy ----

  /** The policy of a document, or {@code null} with the problems reported. */
  Policy policy(JsonNode root, String pointer) {
    Walk.Obj o = walk.object(root, pointer);
    if (o == null) {
      return null;
    }
    String schema = o.required("schema", STRING);
    if (schema != null && !schema.equals(Policy.SCHEMA)) {
      walk.problem(o.at("schema"), o.node.get("schema"), "is not \"" + Policy.SCHEMA + "\", the schema this version reads");
    }
    String id = o.required("id", STRING);
    Integer version = o.required("version", INT);
    var from = o.required("effectiveFrom", INSTANT);
    Optional<java.time.Instant> until = o.optional("effectiveUntil", INSTANT.optionally(), Optional.empty());
    MeasurementRules measurement = o.optional("measurementRules", this::measurementRules, MeasurementRules.defaults());
    Optional<MeasurementWindow> window = o.optional("measurementWindow", (w, n, p) -> Optional.ofNullable(
        measurementWindow(w, n, p)), Optional.empty());
    Rounding rounding = o.required("rounding", this::rounding);
    Proration proration = o.optional("proration", choice(Proration.class), Proration.BY_TIME);
    List<Money> minimum = o.optional("minimumCredit", list(MONEY), List.of());
    Boolean clawback = o.optional("allowsClawback", BOOLEAN, false);
    Boolean overFull = o.optional("allowsOverFullFee", BOOLEAN, false);
    allowsOverFullFee = Boolean.TRUE.equals(overFull);
    Set<String> plans = o.optional("plans", set(STRING), Set.of());
    List<String> description = o.optional("description", list(STRING), List.of());
    RuleNode rule = o.required("rule", (w, n, p) -> node(n, p, ""));
    o.end();
    if (walk.failed() || rule == null) {
      // Still every problem in one pass: what only the whole policy shows, from what was read.
      wholeTreeProblems(pointer);
      Policy.Builder probe = Policy.builder().id(id == null ? "probe" : id).version(version == null ? 1 : version)
          .effectiveFrom(from == null ? java.time.Instant.EPOCH : from)
          .effectiveUntil(until == null || from == null ? Optional.empty() : until)
          .rule(Rules.percentOfFee("probe", BigDecimal.ZERO))
          .rounding(rounding == null ? Rounding.of(RoundingMode.HALF_UP) : rounding)
          .minimumCredit(minimum == null ? List.of() : minimum)
          .plans(plans == null ? Set.of() : plans);
      for (String problem : probeProblems(probe::build)) {
        if (problem.startsWith("policy.")) {
          walk.problem(pointer, "(policy)", problem);
        }
      }
      return null;
    }
    try {
      return Policy.builder().id(id).version(version).effectiveFrom(from).effectiveUntil(until)
          .measurementRules(measurement).measurementWindow(window).rule(rule).rounding(rounding)
          .proration(proration).minimumCredit(minimum).allowsClawback(clawback).allowsOverFullFee(overFull).plans(plans)
          .description(description).build();
    } catch (PolicyDefinitionException e) {
      for (String problem : e.problems()) {
        walk.problem(pointerOf(problem, pointer), "(policy)", problem);
      }
    } catch (dev.amends.core.AmendsException e) {
      walk.problem(pointer, "(policy)", "is refused: " + e.getMessage());
    }
    return null;
  }

  // ---- campaign ----

  /**
   * The campaign of a document, or {@code null} with the problems reported. Its grant is read as
   * a policy's rule tree under the campaign's id (the path its problems name), with credits over
   * the full fee allowed, as {@link Campaign} allows them.
   */
  Campaign campaign(JsonNode root, String pointer) {
    Walk.Obj o = walk.object(root, pointer);
    if (o == null) {
      return null;
    }
    String schema = o.required("schema", STRING);
    if (schema != null && !schema.equals(Campaign.SCHEMA)) {
      walk.problem(o.at("schema"), o.node.get("schema"), "is not \"" + Campaign.SCHEMA
          + "\", the schema this version reads");
    }
    String id = o.required("id", STRING);
    var eligibleAt = o.required("eligibleAt", INSTANT);
    Condition eligibility = o.required("eligibility", this::condition);
    Campaign.Unit unit = o.required("unit", choice(Campaign.Unit.class));
    allowsOverFullFee = true;
    RuleNode grant = o.required("grant", (w, n, p) -> node(n, p, id == null ? "" : id));
    Rounding rounding = o.required("rounding", this::rounding);
    MeasurementRules measurement = o.optional("measurementRules", this::measurementRules, MeasurementRules.defaults());
    List<Money> reviewAbove = o.optional("reviewAbove", list(MONEY), List.of());
    o.end();
    if (walk.failed() || grant == null || eligibility == null) {
      wholeTreeProblems(pointer);
      return null;
    }
    try {
      return Campaign.builder().id(id).eligibleAt(eligibleAt).eligibility(eligibility).unit(unit).grant(grant)
          .rounding(rounding).measurementRules(measurement).reviewAbove(reviewAbove).build();
    } catch (PolicyDefinitionException e) {
      for (String problem : e.problems()) {
        walk.problem(pointerOf(problem, pointer), "(campaign)", problem);
      }
    } catch (dev.amends.core.AmendsException e) {
      walk.problem(pointer, "(campaign)", "is refused: " + e.getMessage());
    }
    return null;
  }

  /** The pointer of the node a policy problem names by its id path, else the policy's own. */
  private String pointerOf(String problem, String policyPointer) {
    String best = null;
    for (String path : pointers.keySet()) {
      if (problem.startsWith(path) && (problem.length() == path.length()
          || ". /[".indexOf(problem.charAt(path.length())) >= 0) && (best == null || path.length() > best.length())) {
        best = path;
      }
    }
    return best == null ? policyPointer : pointers.get(best);
  }

  /**
   * For a document with problems, which is not built: what {@link Policy} would find in the tree
   * if it were, from the nodes that were read. Tier tables with gaps or overlaps (each tier node
   * that was built, checked alone), and node ids used twice; with the same texts as when the
   * policy is built.
   */
  private void wholeTreeProblems(String policyPointer) {
    for (ReadNode t : tierNodes) {
      if (walk.problemCount() > Walk.MAX_PROBLEMS) {
        return; // the list is full: nothing more would be shown
      }
      Policy.Builder alone = Policy.builder().id("probe").version(1).effectiveFrom(java.time.Instant.EPOCH)
          .rule(t.node()).rounding(Rounding.of(RoundingMode.HALF_UP)).allowsOverFullFee(true);
      for (String problem : probeProblems(alone::build)) {
        if (problem.startsWith(t.id() + ".tiers")) {
          walk.problem(t.pointer(), "(policy)", t.path() + problem.substring(t.id().length()));
        }
      }
    }
    Map<String, String> seen = new LinkedHashMap<>();
    for (ReadNode n : readNodes) {
      String earlier = seen.putIfAbsent(n.id(), n.path());
      if (earlier != null) {
        walk.problem(n.pointer(), "(policy)", n.path() + " repeats the node id \"" + n.id() + "\" of " + earlier);
      }
    }
  }

  /** The problems a build reports, if it fails as a policy definition; none if it succeeds. */
  private static List<String> probeProblems(java.util.function.Supplier<?> build) {
    try {
      build.get();
      return List.of();
    } catch (PolicyDefinitionException e) {
      return e.problems();
    } catch (dev.amends.core.AmendsException e) {
      return List.of();
    }
  }

  // ---- rule nodes ----

  /** A rule node by its kind, or {@code null} with the problems reported. */
  RuleNode node(JsonNode json, String pointer, String parentPath) {
    Walk.Obj o = walk.object(json, pointer);
    if (o == null) {
      return null;
    }
    if (++nodes > Policy.MAX_NODES) {
      if (nodes == Policy.MAX_NODES + 1) {
        walk.problem(pointer, json, "is past the most nodes a policy may have (" + Policy.MAX_NODES + ")");
      }
      return null;
    }
    String kind = o.required("kind", STRING);
    String id = o.required("id", STRING);
    if (kind == null) {
      o.end(name -> name.startsWith("@"));
      return null;
    }
    String path = parentPath.isEmpty() ? String.valueOf(id) : parentPath + "/" + id;
    pointers.put(path, pointer); // a repeated path: the repeat, which is what the policy reports
    if (id != null) {
      readNodes.add(new ReadNode(id, path, pointer, null));
    }
    var standard = kinds.get(kind);
    if (standard != null) {
      int before = walk.problemCount();
      // Without an id (already reported) the node is still read, for the problems of its fields.
      String outer = nodePath;
      nodePath = path;
      RuleNode node;
      try {
        node = standard.apply(o, id == null ? "missing-id" : id);
      } finally {
        nodePath = outer;
      }
      o.end();
      if (id == null || before != walk.problemCount()) {
        return null;
      }
      if (node instanceof AvailabilityTiersRule || node instanceof DaysOfServiceRule) {
        tierNodes.add(new ReadNode(id, path, pointer, node));
      }
      return node;
    }
    var own = types.rule(kind);
    if (own.isPresent()) {
      return own(o, kind, own.get());
    }
    walk.problem(o.at("kind"), o.node.get("kind"), unknown("rule kind", kind, kinds.keySet(), types.names()));
    o.end(name -> name.startsWith("@"));
    return null;
  }

  /** A rule of a type the caller registered, built by its factory from the node's fields. */
  private RuleNode own(Walk.Obj o, String kind, java.util.function.Function<RuleArguments, ? extends CreditRule> factory) {
    int before = walk.problemCount();
    RuleArguments args = new RuleArguments(o);
    CreditRule rule;
    try {
      rule = factory.apply(args);
    } catch (RuntimeException e) {
      if (before == walk.problemCount()) {
        walk.problem(o.pointer, o.node, "is refused by the " + kind + " rule type: " + e.getMessage());
      }
      return null;
    }
    o.end();
    if (before != walk.problemCount()) {
      return null;
    }
    if (rule == null) {
      walk.problem(o.pointer, o.node, "was not built: the " + kind + " rule type returned null");
      return null;
    }
    if (!kind.equals(rule.kind())) {
      walk.problem(o.pointer, o.node, "was built as a rule of kind \"" + rule.kind() + "\", not \"" + kind
          + "\": it would not be written back as read");
      return null;
    }
    return rule;
  }

  /** The message for a name that is not known, listing the names known in the order given (never a {@code Set.of}'s). */
  private static String unknown(String what, String name, java.util.Collection<String> standard,
      java.util.Collection<String> own) {
    String kindOfName = name.contains(".") || name.contains("$") || name.startsWith("@")
        ? " (a class name is never a type here)" : "";
    List<String> known = new ArrayList<>(standard);
    known.addAll(own);
    return "is not a known " + what + kindOfName + "; known: " + String.join(", ", known);
  }

  private RuleNode children(Walk.Obj o, String id, BiFunction<String, List<RuleNode>, RuleNode> make) {
    List<RuleNode> children = o.required("children", list((w, n, p) -> node(n, p, nodePath)));
    return children == null ? null : walk.build(o.pointer, o.node, () -> make.apply(id, children));
  }

  /**
   * Warns of the children of a first match that can never match: those after one that credits
   * whenever the fee is positive (a positive percent of the fee, free periods), and those that
   * repeat an earlier sibling's kind and parameters exactly (same context, same outcome).
   */
  private void unreachable(Walk.Obj o, FirstMatch f) {
    List<RuleNode> children = f.children();
    String always = null;
    for (int i = 0; i < children.size(); i++) {
      RuleNode c = children.get(i);
      String at = Walk.item(o.at("children"), i);
      JsonNode json = o.node.get("children").get(i);
      if (always != null) {
        walk.warn(at, json, "is never reached when the fee is positive: \"" + always
            + "\" before it gives a credit whenever the fee is positive");
        continue;
      }
      for (int j = 0; j < i; j++) {
        if (children.get(j) instanceof CreditRule earlier && c instanceof CreditRule rule
            && earlier.kind().equals(rule.kind()) && earlier.parameters().equals(rule.parameters())) {
          walk.warn(at, json, "never matches: it repeats \"" + earlier.id() + "\", which is tried first");
          break;
        }
      }
      if ((c instanceof PercentOfFeeRule p && p.percent().signum() > 0)
          || (c instanceof FreePeriodsRule fp && fp.count().signum() > 0)) {
        always = c.id();
      }
    }
  }

  /** A percentage that may not exceed 100 unless the policy allows credits over the full fee. */
  private BigDecimal percent(Walk.Obj o, String name, BigDecimal value) {
    if (value != null && value.compareTo(HUNDRED) > 0 && !allowsOverFullFee) {
      walk.problem(o.at(name), o.node.get(name), "is over 100 %; set \"allowsOverFullFee\": true to allow it");
      return null;
    }
    return value;
  }

  /**
   * The tiers of a tier rule; warns if they are written in neither ascending nor descending
   * order (SLAs often list them from the top down; any other order is likely a slip).
   */
  private List<Tier> tiers(Walk.Obj o, boolean percentages) {
    List<Tier> tiers = o.required("tiers", list(this::tier));
    if (tiers == null) {
      return null;
    }
    boolean over = false;
    for (int i = 0; i < tiers.size(); i++) {
      // Every tier over 100 % is reported, not only the first.
      over |= percentages && percent(walk.object(o.node.get("tiers").get(i), Walk.item(o.at("tiers"), i)), "value",
          tiers.get(i).value()) == null;
    }
    if (over) {
      // The node is not built, but its table is still checked for gaps and overlaps.
      String id = nodePath.substring(nodePath.lastIndexOf('/') + 1);
      AvailabilityTiersRule table = walk.build(o.pointer, o.node, () -> new AvailabilityTiersRule(id, tiers));
      if (table != null) {
        tierNodes.add(new ReadNode(id, nodePath, o.pointer, table));
      }
      return null;
    }
    Comparator<Tier> order = Comparator.comparing(Tier::lower).thenComparing(Tier::upper);
    boolean ascending = true;
    boolean descending = true;
    for (int i = 1; i < tiers.size(); i++) {
      int c = order.compare(tiers.get(i - 1), tiers.get(i));
      ascending &= c <= 0;
      descending &= c >= 0;
    }
    if (!ascending && !descending) {
      walk.warn(o.at("tiers"), o.node.get("tiers"), "are in neither ascending nor descending order; they are read sorted");
    }
    return tiers;
  }

  private Tier tier(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    o.type("tier");
    BigDecimal lower = o.required("lower", DECIMAL);
    Boolean lowerInclusive = o.optional("lowerInclusive", BOOLEAN, true);
    BigDecimal upper = o.required("upper", DECIMAL);
    Boolean upperInclusive = o.optional("upperInclusive", BOOLEAN, false);
    BigDecimal value = o.required("value", DECIMAL);
    o.end();
    return lower == null || upper == null || value == null || lowerInclusive == null || upperInclusive == null ? null
        : w.build(p, n, () -> new Tier(lower, lowerInclusive, upper, upperInclusive, value));
  }

  /** A policy's measurement window, chosen by {@code type}; {@code null} with the problems reported. */
  private MeasurementWindow measurementWindow(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    String type = o.required("type", STRING);
    MeasurementWindow window = null;
    if (type != null) {
      switch (type) {
        case "calendar-quarter" -> {
          Integer after = o.required("periodsAfterEnd", INT);
          window = after == null ? null : w.build(p, n, () -> new MeasurementWindow.CalendarQuarter(after));
        }
        case "rolling-days" -> {
          Integer days = o.required("days", INT);
          window = days == null ? null : w.build(p, n, () -> new MeasurementWindow.RollingDays(days));
        }
        default -> w.problem(o.at("type"), o.node.get("type"),
            unknown("measurement window type", type, List.of("calendar-quarter", "rolling-days"), List.of()));
      }
    }
    o.end();
    return window;
  }

  private CapLimit capLimit(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    String type = o.required("type", STRING);
    CapLimit limit = null;
    if (type != null) {
      switch (type) {
        case "percent-of-fee" -> {
          BigDecimal percent = percent(o, "percent", positive(o, "percent", o.required("percent", DECIMAL)));
          limit = percent == null ? null : w.build(p, n, () -> new CapLimit.PercentOfFee(percent));
        }
        case "amount" -> {
          List<Money> amounts = o.required("amounts", list(MONEY));
          if (amounts != null) {
            for (int i = 0; i < amounts.size(); i++) {
              if (!amounts.get(i).isPositive()) {
                w.problem(Walk.item(o.at("amounts"), i), o.node.get("amounts").get(i), "must be positive: a cap of"
                    + " zero or less gives nothing");
                amounts = null;
                break;
              }
            }
          }
          List<Money> checked = amounts;
          limit = checked == null ? null : w.build(p, n, () -> new CapLimit.Amount(checked));
        }
        case "days" -> {
          BigDecimal days = positive(o, "days", o.required("days", DECIMAL));
          DayCount dayCount = o.required("dayCount", choice(DayCount.class));
          limit = days == null || dayCount == null ? null : w.build(p, n, () -> new CapLimit.Days(days, dayCount));
        }
        case "percent-of-landing-fee" -> {
          BigDecimal percent = percent(o, "percent", positive(o, "percent", o.required("percent", DECIMAL)));
          Integer later = o.required("periodsLater", INT);
          limit = percent == null || later == null ? null
              : w.build(p, n, () -> new CapLimit.PercentOfLandingFee(percent, later));
        }
        default -> w.problem(o.at("type"), o.node.get("type"),
            unknown("cap limit type", type, List.of("percent-of-fee", "amount", "days", "percent-of-landing-fee"),
                List.of()));
      }
    }
    o.end();
    return limit;
  }

  /** A cap's size: zero or less gives nothing, so it is refused. */
  private BigDecimal positive(Walk.Obj o, String name, BigDecimal value) {
    if (value != null && value.signum() <= 0) {
      walk.problem(o.at(name), o.node.get(name), "must be positive: a cap of zero or less gives nothing");
      return null;
    }
    return value;
  }

  private ProratedMultipleRule.Allowance allowance(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    String type = o.required("type", STRING);
    ProratedMultipleRule.Allowance out = null;
    if ("availability-percent".equals(type)) {
      BigDecimal percent = o.required("percent", DECIMAL);
      out = percent == null ? null : w.build(p, n, () -> new ProratedMultipleRule.AvailabilityPercent(percent));
    } else if ("fixed-allowance".equals(type)) {
      var duration = o.required("duration", DURATION);
      out = duration == null ? null : w.build(p, n, () -> new ProratedMultipleRule.FixedAllowance(duration));
    } else if (type != null) {
      w.problem(o.at("type"), o.node.get("type"),
          unknown("allowance type", type, List.of("availability-percent", "fixed-allowance"), List.of()));
    }
    o.end();
    return out;
  }

  private DaysValue daysValue(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    o.type("days-value");
    Optional<DayCount> dayCount = o.optional("dayCount", choice(DayCount.class).optionally(), Optional.empty());
    o.end();
    return dayCount == null ? null : new DaysValue(dayCount);
  }

  private ClaimDeadline deadline(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    o.type("claim-deadline");
    var kind = o.required("kind", choice(ClaimDeadline.Kind.class));
    Integer count = o.required("count", INT);
    o.end();
    return kind == null || count == null ? null : w.build(p, n, () -> new ClaimDeadline(kind, count));
  }

  // ---- conditions ----

  Condition condition(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    String type = o.required("type", STRING);
    var standard = type == null ? null : conditions.get(type);
    if (standard == null) {
      if (type != null) {
        w.problem(o.at("type"), o.node.get("type"), unknown("condition type", type, conditions.keySet(), List.of()));
      }
      o.end(name -> name.startsWith("@"));
      return null;
    }
    int before = w.problemCount();
    Condition c = standard.apply(o);
    o.end();
    return before == w.problemCount() ? c : null;
  }

  /** A condition built from one field's value, if it was read. */
  private <T> Condition with(Walk.Obj o, T value, java.util.function.Function<T, Condition> make) {
    return value == null ? null : walk.build(o.pointer, o.node, () -> make.apply(value));
  }

  // ---- measurement, rounding ----

  private MeasurementRules measurementRules(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    o.type("measurement-rules");
    int before = w.problemCount();
    MeasurementRules d = MeasurementRules.defaults();
    var notice = o.optional("maintenanceNotice", DURATION.optionally(), Optional.empty());
    var budget = o.optional("maintenanceBudget", DURATION.optionally(), Optional.empty());
    List<MaintenanceWindow> windows = o.optional("standingWindows", list(this::window), List.of());
    Set<Cause> causes = o.optional("excludedCauses", set(choice(Cause.class)), Set.of());
    Boolean degraded = o.optional("degradedCounts", BOOLEAN, d.degradedCounts());
    var minimum = o.optional("minimumDowntime", DURATION, d.minimumDowntime());
    Granularity granularity = o.optional("granularity", this::granularity, d.granularity());
    CountFrom countFrom = o.optional("countFrom", choice(CountFrom.class), d.countFrom());
    PartialImpact partial = o.optional("partialImpact", this::partialImpact, d.partialImpact());
    Denominator denominator = o.optional("denominator", choice(Denominator.class), d.denominator());
    Measurement.Source source = o.optional("source", choice(Measurement.Source.class), d.source());
    TelemetryRules telemetry = o.optional("telemetry", this::telemetry, d.telemetry());
    o.end();
    if (before != w.problemCount()) {
      return null;
    }
    return w.build(p, n, () -> MeasurementRules.builder().maintenanceNotice(notice).maintenanceBudget(budget)
        .standingWindows(windows).excludedCauses(causes).degradedCounts(degraded).minimumDowntime(minimum)
        .granularity(granularity).countFrom(countFrom).partialImpact(partial).denominator(denominator)
        .source(source).telemetry(telemetry).build());
  }

  private Granularity granularity(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    o.type("granularity");
    int before = w.problemCount();
    var slice = o.optional("slice", DURATION.optionally(), Optional.empty());
    Boolean exact = o.optional("isExact", BOOLEAN, slice != null && slice.isEmpty());
    var threshold = o.optional("threshold", DURATION.optionally(), Optional.empty());
    Boolean started = o.optional("countsStartedSlices", BOOLEAN,
        slice != null && slice.isPresent() && threshold != null && threshold.isEmpty());
    o.end();
    if (before != w.problemCount()) {
      return null;
    }
    if (exact != slice.isEmpty() || (exact && started)) {
      w.problem(p, n, "is contradictory: exact has no slice and counts no started slices; slices need a \"slice\"");
      return null;
    }
    if (threshold.isPresent() && (exact || started)) {
      w.problem(p, n, "is contradictory: a \"threshold\" needs a \"slice\" and counts no started slices");
      return null;
    }
    if (threshold.isPresent()) {
      return w.build(p, n, () -> Granularity.slicesDownMoreThan(slice.get(), threshold.get()));
    }
    return exact ? Granularity.exact()
        : w.build(p, n, () -> started ? Granularity.startedSlices(slice.get()) : Granularity.completedSlices(slice.get()));
  }

  private PartialImpact partialImpact(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    o.type("partial-impact");
    int before = w.problemCount();
    Boolean weighted = o.optional("isWeighted", BOOLEAN, false);
    Optional<Ratio> threshold = o.optional("threshold", RATIO_VALUE.optionally(), Optional.empty());
    o.end();
    if (before != w.problemCount()) {
      return null;
    }
    if (weighted && threshold.isPresent()) {
      w.problem(p, n, "is contradictory: weighted impact has no threshold");
      return null;
    }
    return weighted ? PartialImpact.weighted()
        : threshold.isEmpty() ? PartialImpact.countsFully() : w.build(p, n, () -> PartialImpact.atLeast(threshold.get()));
  }

  private MaintenanceWindow window(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    o.type("maintenance-window");
    int before = w.problemCount();
    Set<DayOfWeek> days = o.required("days", set(choice(DayOfWeek.class)));
    var start = o.required("start", TIME);
    var end = o.required("end", TIME);
    var zone = o.required("zone", ZONE);
    Boolean all = o.optional("excludesAllDowntime", BOOLEAN, false);
    o.end();
    if (before != w.problemCount()) {
      return null;
    }
    if (days.size() != 1 && days.size() != 7) {
      w.problem(o.at("days"), o.node.get("days"), "must be one day (weekly) or all seven (daily)");
      return null;
    }
    MaintenanceWindow window = w.build(p, n, () -> days.size() == 7 ? MaintenanceWindow.daily(start, end, zone)
        : MaintenanceWindow.weekly(days.iterator().next(), start, end, zone));
    return window == null || !all ? window : window.excludingAllDowntime();
  }

  private TelemetryRules telemetry(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    o.type("telemetry-rules");
    int before = w.problemCount();
    TelemetryRules d = TelemetryRules.defaults();
    var method = o.optional("method", choice(TelemetryRules.Method.class), d.method());
    Ratio threshold = o.optional("errorThreshold", RATIO_VALUE, d.errorThreshold());
    Long minimum = o.optional("minimumRequests", LONG, d.minimumRequests());
    var empty = o.optional("emptyInterval", choice(TelemetryRules.EmptyInterval.class), d.emptyInterval());
    var missing = o.optional("missingData", choice(TelemetryRules.MissingData.class), d.missingData());
    o.end();
    return before != w.problemCount() ? null : w.build(p, n, () -> TelemetryRules.builder().method(method)
        .errorThreshold(threshold).minimumRequests(minimum).emptyInterval(empty).missingData(missing).build());
  }

  private Rounding rounding(Walk w, JsonNode n, String p) {
    Walk.Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    o.type("rounding");
    RoundingMode mode = o.required("mode", choice(RoundingMode.class));
    Optional<BigDecimal> increment = o.optional("increment", DECIMAL.optionally(), Optional.empty());
    o.end();
    return mode == null || increment == null ? null
        : w.build(p, n, () -> increment.isEmpty() ? Rounding.of(mode) : Rounding.of(mode, increment.get()));
  }
}
