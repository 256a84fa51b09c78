package dev.amends.rules;

import dev.amends.core.account.Proration;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.money.Rounding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * id or version. The {@link #digest()} is the SHA-256 of the policy's canonical form, so it
 * changes whenever a term that can change a decision changes. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Policy {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

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

  /** The canonical text the digest is computed from. */
  @Value.Lazy
  public String canonical() {
    MeasurementRules m = measurementRules();
    String measurement = "measurement(notice=" + m.maintenanceNotice().map(Object::toString).orElse("none")
        + ",budget=" + m.maintenanceBudget().map(Object::toString).orElse("none")
        + ",excludedCauses=" + m.excludedCauses().stream().map(Enum::name).sorted().toList()
        + ",degradedCounts=" + m.degradedCounts()
        + ",minimum=" + m.minimumDowntime()
        + ",granularity=" + m.granularity()
        + ",countFrom=" + m.countFrom()
        + ",partialImpact=" + m.partialImpact()
        + ",denominator=" + m.denominator()
        + ",source=" + m.source()
        + ",telemetry=" + m.telemetry().method() + "/" + m.telemetry().errorThreshold() + "/"
        + m.telemetry().minimumRequests() + "/" + m.telemetry().emptyInterval()
        // Added terms appear only when set, so the digests of existing policies do not change.
        + (m.telemetry().missingData() == TelemetryRules.MissingData.NOT_ALLOWED ? ""
            : ",missingTelemetry=" + m.telemetry().missingData())
        + (m.standingWindows().isEmpty() ? "" : ",standingWindows=" + m.standingWindows())
        + ")";
    return "policy(id=" + id() + ",version=" + version() + ",effective=" + effective()
        + "," + measurement
        + ",rounding=" + rounding()
        + ",proration=" + proration()
        + ",minimumCredit=" + minimumCredit().stream().map(Money::toString).sorted().collect(Collectors.joining("|"))
        + ",clawback=" + allowsClawback()
        + ",rule=" + rule().canonical() + ")";
  }

  /** {@code sha256:} and the hex SHA-256 of {@link #canonical()}. */
  @Value.Lazy
  public String digest() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
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
    Map<CurrencyUnit, Money> minimums = new LinkedHashMap<>();
    for (Money m : minimumCredit()) {
      if (m.isNegative()) {
        problems.add("policy.minimumCredit must not be negative: " + m);
      }
      if (minimums.put(m.getCurrencyUnit(), m) != null) {
        problems.add("policy.minimumCredit has two amounts in " + m.getCurrencyUnit());
      }
    }
    walk(rule(), "", new LinkedHashMap<>(), problems);
    if (!problems.isEmpty()) {
      throw new PolicyDefinitionException("policy " + id() + " v" + version(), problems);
    }
  }

  private static void walk(RuleNode node, String parent, Map<String, String> seen, List<String> problems) {
    String path = Evaluator.pathOf(parent, node);
    String earlier = seen.putIfAbsent(node.id(), path);
    if (earlier != null) {
      problems.add(path + " repeats the node id \"" + node.id() + "\" of " + earlier);
    }
    if (node instanceof SelfChecking s) {
      s.check(path, problems);
    }
    if (node instanceof Combinator c) {
      for (RuleNode child : c.children()) {
        walk(child, path, seen, problems);
      }
    }
  }

  /** Builds a {@link Policy}; {@link #build()} checks the whole tree. */
  public static final class Builder extends ImmutablePolicy.Builder {
    Builder() {}

    @Override
    public Policy build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw dev.amends.core.internal.Checks.missing("policy", e);
      }
    }
  }

  @Override
  public String toString() {
    return label() + " " + effective();
  }
}
