package dev.amends.rules.engine;

import dev.amends.rules.Tier;
import dev.amends.rules.internal.Texts;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A checked, ordered list of tiers with the lookup both tier rules share. */
public final class TierTable {

  private final List<Tier> tiers; // ascending by lower bound
  // The bounds as exact fractions (99.9 % -> 999/1000), computed once, so that a lookup compares
  // the availability with each bound without converting decimals.
  private final Ratio[] lowers;
  private final Ratio[] uppers;
  // Each tier's value as an exact fraction of a percent (for credits) and as a number (for days).
  private final Ratio[] percents;
  private final Ratio[] values;
  // The highest upper and the lowest lower bound (null for no tiers), and as fractions.
  private final BigDecimal top;
  private final BigDecimal bottom;
  private final Ratio topRatio;
  private final Ratio bottomRatio;

  /**
   * A table of tiers already sorted ascending by lower then upper bound, as the tier rules keep theirs,
   * with its bounds converted once. Build it once per policy ({@link CompiledPolicy}).
   */
  public TierTable(List<Tier> tiers) {
    this.tiers = tiers;
    this.lowers = new Ratio[tiers.size()];
    this.uppers = new Ratio[tiers.size()];
    this.percents = new Ratio[tiers.size()];
    this.values = new Ratio[tiers.size()];
    for (int i = 0; i < tiers.size(); i++) {
      lowers[i] = Ratio.percent(tiers.get(i).lower());
      uppers[i] = Ratio.percent(tiers.get(i).upper());
      percents[i] = Ratio.percent(tiers.get(i).value());
      values[i] = Ratio.of(tiers.get(i).value());
    }
    this.top = tiers.stream().map(Tier::upper).max(BigDecimal::compareTo).orElse(null);
    this.bottom = tiers.stream().map(Tier::lower).min(BigDecimal::compareTo).orElse(null);
    this.topRatio = top == null ? null : Ratio.percent(top);
    this.bottomRatio = bottom == null ? null : Ratio.percent(bottom);
  }

  public List<Tier> tiers() {
    return tiers;
  }

  /** The tier holding the availability. */
  public Optional<Tier> find(Ratio availability) {
    int i = index(availability);
    return i < 0 ? Optional.empty() : Optional.of(tiers.get(i));
  }

  /** The index of the tier holding the availability, or -1. */
  int index(Ratio availability) {
    for (int i = 0; i < lowers.length; i++) {
      Tier t = tiers.get(i);
      int lo = availability.compareTo(lowers[i]);
      if (lo < 0 || (lo == 0 && !t.lowerInclusive())) {
        continue;
      }
      int hi = availability.compareTo(uppers[i]);
      if (hi < 0 || (hi == 0 && t.upperInclusive())) {
        return i;
      }
    }
    return -1;
  }

  /** The tier at an index from {@link #index}. */
  Tier tier(int i) {
    return tiers.get(i);
  }

  /** The number of tiers. */
  int size() {
    return tiers.size();
  }

  /** The value of the tier at an index as a fraction: {@code Ratio.percent(value)}, converted once. */
  Ratio percentOf(int i) {
    return percents[i];
  }

  /** The value of the tier at an index as a number ({@code Ratio.of(value)}), converted once. */
  Ratio valueOf(int i) {
    return values[i];
  }

  /** True if some tier ends at the availability and some other starts there, neither including it. */
  boolean onOpenBoundaries(Ratio availability) {
    boolean endsHere = false;
    boolean startsHere = false;
    for (int i = 0; i < lowers.length; i++) {
      Tier t = tiers.get(i);
      endsHere |= !t.upperInclusive() && availability.compareTo(uppers[i]) == 0;
      startsHere |= !t.lowerInclusive() && availability.compareTo(lowers[i]) == 0;
    }
    return endsHere && startsHere;
  }

  /**
   * Why no tier holds an availability ({@link #index} gave -1), {@code onBoundary} being what
   * {@link #onOpenBoundaries} said: above the table ({@code availability 99.95 % >= 99.9 %}), below
   * it, or on an unmapped boundary.
   */
  String unmappedReason(Ratio availability, String shown, boolean onBoundary) {
    if (onBoundary) {
      return "availability " + shown + " is exactly on a boundary no tier includes; not mapped";
    }
    if (top == null) {
      throw new java.util.NoSuchElementException("a tier table without tiers maps nothing");
    }
    String why;
    int aboveTop = availability.compareTo(topRatio);
    int belowBottom = availability.compareTo(bottomRatio);
    if (aboveTop >= 0) {
      why = (aboveTop == 0 ? " = " : " > ") + Texts.plain(top) + " %, above every tier";
    } else if (belowBottom <= 0) {
      why = (belowBottom == 0 ? " = " : " < ") + Texts.plain(bottom) + " %, below every tier";
    } else {
      why = " is in no tier " + canonical();
    }
    return "availability " + shown + why + "; no credit";
  }

  /** How a tier's upper bound reads in a reason: {@code < 99.9 %} or {@code <= 99.9 %}. */
  public static String upperBound(Tier t) {
    return (t.upperInclusive() ? " <= " : " < ") + Texts.plain(t.upper()) + " %";
  }

  public String canonical() {
    return tiers.stream().map(Tier::toString).collect(Collectors.joining(";", "[", "]"));
  }
}
