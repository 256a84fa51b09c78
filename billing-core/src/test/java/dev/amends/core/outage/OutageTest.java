package dev.amends.core.outage;

import static dev.amends.core.fixtures.Outages2024.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OutageTest {
  private static final Announcement NINE_DAYS_AHEAD =
      Announcement.of(utc("2024-06-01T00:00"), window("2024-06-10T10:00", "2024-06-10T12:00"));

  @Test
  void defaultsToUnplannedFullProviderCaused() {
    Outage o = unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T12:00");

    assertThat(o.kind()).isEqualTo(OutageKind.UNPLANNED);
    assertThat(o.impact()).isEqualTo(Impact.full());
    assertThat(o.cause()).isEqualTo(Cause.PROVIDER);
    assertThat(o.announcement()).isEmpty();
    assertThat(o.reportedAt()).isEmpty();
    assertThat(o.tags()).isEmpty();
    assertThat(o.window()).isEqualTo(window("2024-06-10T10:00", "2024-06-10T12:00"));
  }

  @Test
  void rejectsWindowWhoseEndPrecedesStartNamingBothEnds() {
    assertThatThrownBy(() -> Outage.builder().window(utc("2024-06-10T12:00"), utc("2024-06-10T10:00")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("outage.window.end is before start: start=2024-06-10T12:00:00Z, end=2024-06-10T10:00:00Z")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("outage.window.end");
  }

  @Test
  void acceptsAnEmptyWindow() {
    Outage o = unplanned("INC-0", "2024-06-10T10:00", "2024-06-10T10:00");

    assertThat(o.window().isEmpty()).isTrue();
  }

  @Test
  void rejectsAnAnnouncementOnAnUnplannedOutage() {
    assertThatThrownBy(() -> outage("INC-1", "2024-06-10T10:00", "2024-06-10T12:00")
            .kind(OutageKind.UNPLANNED).announcement(NINE_DAYS_AHEAD).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("outage.announcement is only allowed for kind MAINTENANCE or EMERGENCY_MAINTENANCE: "
            + "kind=UNPLANNED");
  }

  @ParameterizedTest
  @EnumSource(value = OutageKind.class, names = {"MAINTENANCE", "EMERGENCY_MAINTENANCE"})
  void acceptsAnAnnouncementOnMaintenanceAndEmergencyMaintenance(OutageKind kind) {
    Outage o = outage("MAINT-1", "2024-06-10T10:00", "2024-06-10T12:00")
        .kind(kind).announcement(NINE_DAYS_AHEAD).build();

    assertThat(o.announcement()).contains(NINE_DAYS_AHEAD);
    assertThat(o.toString()).contains("announced 2024-06-01T00:00:00Z");
  }

  @Test
  void rejectsAMissingIdNamingIt() {
    assertThatThrownBy(() -> Outage.builder().addScopes(CLUSTER_2)
            .window(utc("2024-06-10T10:00"), utc("2024-06-10T12:00")).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("outage.id is required: not set");
  }

  @Test
  void rejectsABlankId() {
    assertThatThrownBy(() -> outage(" ", "2024-06-10T10:00", "2024-06-10T12:00").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("outage.id must not be blank: \" \"");
  }

  @Test
  void rejectsAnOutageWithoutScopes() {
    assertThatThrownBy(() -> Outage.builder().id("INC-1")
            .window(utc("2024-06-10T10:00"), utc("2024-06-10T12:00")).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("outage.scopes must not be empty");
  }

  @Test
  void affectsPlacementsAtOrBelowItsScopes() {
    Outage onCluster2 = unplanned("INC-1", "2024-06-10T10:00", "2024-06-10T12:00");

    assertThat(onCluster2.affects(CLUSTER_2)).isTrue();
    assertThat(onCluster2.affects(NODE_7)).isTrue();
    assertThat(onCluster2.affects(GRID)).isFalse();
    assertThat(onCluster2.affects(CLUSTER_1)).isFalse();
  }

  @Test
  void affectsEveryScopeItWasRecordedOn() {
    Outage both = Outage.builder().id("INC-2").addScopes(CLUSTER_1, API)
        .window(utc("2024-06-10T10:00"), utc("2024-06-10T12:00")).build();

    assertThat(both.affects(CLUSTER_1)).isTrue();
    assertThat(both.affects(API)).isTrue();
    assertThat(both.affects(CLUSTER_2)).isFalse();
  }

  @Test
  void keepsTagsAndReportTime() {
    Instant reported = utc("2024-06-10T10:45");
    Outage o = outage("INC-1", "2024-06-10T10:00", "2024-06-10T12:00")
        .addTags("storage", "season-2024").reportedAt(reported).build();

    assertThat(o.tags()).containsExactly("storage", "season-2024");
    assertThat(o.reportedAt()).contains(reported);
  }
}
