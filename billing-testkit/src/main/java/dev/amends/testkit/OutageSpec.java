package dev.amends.testkit;

import dev.amends.core.InvalidInputException;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.threeten.extra.Interval;

/**
 * An outage record in a {@link Scenario}: where, when, what kind, how bad, why.
 *
 * <pre>{@code
 * o -> o.on("grid/cluster-2").from("2024-06-10T10:00").lasting(Duration.ofMinutes(45))
 * o -> o.on("grid/cluster-2").from("2007-12-01T00:00").until("2007-12-01T13:00")
 *       .announcedMaintenance("2007-11-21T00:00", "2007-12-01T00:00", "2007-12-01T06:00")
 * o -> o.on("grid").from("2024-06-10T10:00").until("2024-06-10T12:00").degraded().cause(Cause.THIRD_PARTY)
 * }</pre>
 *
 * <p>Immutable: every method returns a new spec, so the lambda must return the spec it built.
 * Unplanned, full impact and caused by the provider unless said otherwise. Times are read as in
 * {@link Scenario}. A scope, a start and an end (or a length) are required.
 */
public final class OutageSpec {
  private record AnnouncementText(String at, String from, String until) {}

  private final String id;
  private final List<String> scopes;
  private final String from;
  private final String until;
  private final Duration length;
  private final OutageKind kind;
  private final AnnouncementText announcement;
  private final Impact impact;
  private final Cause cause;
  private final String reportedAt;
  private final List<String> tags;

  OutageSpec(String id) {
    this(id, List.of(), null, null, null, OutageKind.UNPLANNED, null, Impact.full(), Cause.PROVIDER, null, List.of());
  }

  private OutageSpec(
      String id, List<String> scopes, String from, String until, Duration length, OutageKind kind,
      AnnouncementText announcement, Impact impact, Cause cause, String reportedAt, List<String> tags) {
    this.id = id;
    this.scopes = List.copyOf(scopes);
    this.from = from;
    this.until = until;
    this.length = length;
    this.kind = kind;
    this.announcement = announcement;
    this.impact = impact;
    this.cause = cause;
    this.reportedAt = reportedAt;
    this.tags = List.copyOf(tags);
  }

  private OutageSpec with(
      List<String> scopes, String from, String until, Duration length, OutageKind kind, AnnouncementText announcement,
      Impact impact, Cause cause, String reportedAt, List<String> tags) {
    return new OutageSpec(id, scopes, from, until, length, kind, announcement, impact, cause, reportedAt, tags);
  }

  /** The record's id. */
  public String id() {
    return id;
  }

  /** The scopes it hit: a service ({@code "grid"}), a cluster ({@code "grid/cluster-2"}) or a node. */
  public OutageSpec on(String... hit) {
    Texts.notNull(field("scopes"), hit);
    List<String> s = new ArrayList<>(scopes);
    for (String h : hit) {
      s.add(Texts.notNull(field("scopes"), h));
    }
    return with(s, from, until, length, kind, announcement, impact, cause, reportedAt, tags);
  }

  /** When it was detected (inclusive). */
  public OutageSpec from(String start) {
    return with(scopes, Texts.notNull(field("from"), start), until, length, kind, announcement, impact, cause,
        reportedAt, tags);
  }

  /** When service was restored (exclusive). */
  public OutageSpec until(String end) {
    return with(scopes, from, Texts.notNull(field("until"), end), null, kind, announcement, impact, cause, reportedAt,
        tags);
  }

  /** How long it lasted from {@link #from(String)}, instead of an end. */
  public OutageSpec lasting(Duration d) {
    return with(scopes, from, null, Texts.notNull(field("length"), d), kind, announcement, impact, cause, reportedAt,
        tags);
  }

  /**
   * Planned maintenance, announced at an instant for a promised window. Under a policy that
   * excludes announced maintenance with enough notice, only the promised window is excluded; an
   * overrun past it counts.
   *
   * @param announcedAt when customers were told
   * @param promisedFrom the start of the window promised
   * @param promisedUntil the end of the window promised
   */
  public OutageSpec announcedMaintenance(String announcedAt, String promisedFrom, String promisedUntil) {
    AnnouncementText a = new AnnouncementText(Texts.notNull(field("announcement.at"), announcedAt),
        Texts.notNull(field("announcement.from"), promisedFrom), Texts.notNull(field("announcement.until"),
            promisedUntil));
    return with(scopes, from, until, length, OutageKind.MAINTENANCE, a, impact, cause, reportedAt, tags);
  }

  /** Planned maintenance that was never announced: it counts in full. */
  public OutageSpec unannouncedMaintenance() {
    return with(scopes, from, until, length, OutageKind.MAINTENANCE, null, impact, cause, reportedAt, tags);
  }

  /** Emergency maintenance: counts in full, like an unplanned outage. */
  public OutageSpec emergencyMaintenance() {
    return with(scopes, from, until, length, OutageKind.EMERGENCY_MAINTENANCE, null, impact, cause, reportedAt, tags);
  }

  /** Degraded service rather than a full loss; counts only under a policy that says degraded service counts. */
  public OutageSpec degraded() {
    return impact(Impact.degraded());
  }

  /** The impact, such as {@code Impact.full().withAffectedUsers(37, 120)}. */
  public OutageSpec impact(Impact i) {
    return with(scopes, from, until, length, kind, announcement, Texts.notNull(field("impact"), i), cause, reportedAt,
        tags);
  }

  /** The cause; the provider if not given. */
  public OutageSpec cause(Cause c) {
    return with(scopes, from, until, length, kind, announcement, impact, Texts.notNull(field("cause"), c), reportedAt,
        tags);
  }

  /** When the customer reported it. */
  public OutageSpec reportedAt(String at) {
    return with(scopes, from, until, length, kind, announcement, impact, cause, Texts.notNull(field("reportedAt"), at),
        tags);
  }

  /** Free-form tags, such as {@code "storage"}. */
  public OutageSpec tags(String... more) {
    List<String> t = new ArrayList<>(tags);
    t.addAll(List.of(Texts.notNull(field("tags"), more)));
    return with(scopes, from, until, length, kind, announcement, impact, cause, reportedAt, t);
  }

  private String field(String name) {
    return "scenario.outages[" + id + "]." + name;
  }

  Outage build(ZoneId zone) {
    if (from == null) {
      throw InvalidInputException.of(field("from"), "is required: say .from(\"2024-06-10T10:00\")", "not set");
    }
    if (until == null && length == null) {
      throw InvalidInputException.of(field("until"), "is required: say .until(...) or .lasting(...)", "not set");
    }
    Instant start = Texts.instant(field("from"), from, zone);
    Instant end = until != null ? Texts.instant(field("until"), until, zone) : start.plus(length);
    Outage.Builder b = Outage.builder();
    b.id(id).scopes(scopes.stream().map(Scope::of).toList()).window(start, end).kind(kind).impact(impact)
        .cause(cause).tags(tags);
    if (announcement != null) {
      Instant promisedFrom = Texts.instant(field("announcement.from"), announcement.from(), zone);
      Instant promisedUntil = Texts.instant(field("announcement.until"), announcement.until(), zone);
      if (promisedUntil.isBefore(promisedFrom)) {
        throw InvalidInputException.of(field("announcement.until"), "is before announcement.from " + promisedFrom,
            promisedUntil);
      }
      b.announcement(Announcement.of(Texts.instant(field("announcement.at"), announcement.at(), zone),
          Interval.of(promisedFrom, promisedUntil)));
    }
    if (reportedAt != null) {
      b.reportedAt(Texts.instant(field("reportedAt"), reportedAt, zone));
    }
    return b.build();
  }
}
