package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedTextTest {
  private static BillingPeriod march(String zone) {
    return BillingPeriod.of(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"), ZoneId.of(zone), 1);
  }

  @Test
  void anEqualValueGetsTheTextMadeOnceAndMoreValuesThanAreKeptAreMadeAgain() {
    RepeatedText repeated = new RepeatedText();
    List<String> made = new ArrayList<>();
    String[] zones = {"UTC", "Europe/Berlin", "Asia/Tokyo", "America/New_York", "Europe/Paris", "Europe/London",
        "Asia/Kolkata", "Australia/Sydney", "America/Chicago"}; // nine: one more than are kept
    for (int pass = 0; pass < 2; pass++) {
      for (String zone : zones) {
        String text = repeated.period(march(zone), p -> {
          made.add(p.zone().getId());
          return "text of " + p.zone().getId();
        });
        assertThat(text).isEqualTo("text of " + zone);
      }
    }
    // the first pass makes all nine; the second finds each evicted by the one before it (eight kept, oldest first out)
    assertThat(made).hasSize(18);
    RepeatedText few = new RepeatedText();
    List<String> madeFew = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      for (String zone : List.of("UTC", "Asia/Tokyo", "UTC")) {
        assertThat(few.period(march(zone), p -> {
          madeFew.add(p.zone().getId());
          return zone;
        })).isEqualTo(zone);
      }
    }
    assertThat(madeFew).containsExactly("UTC", "Asia/Tokyo");
  }

  @Test
  void policiesMatchOnIdVersionAndDigestAlike() {
    RepeatedText repeated = new RepeatedText();
    List<String> made = new ArrayList<>();
    String[][] refs = {{"sla", "1", "d1"}, {"sla", "2", "d1"}, {"sla", "1", "d2"}, {"other", "1", "d1"}, {"sla", "1", "d1"}};
    for (String[] r : refs) {
      String text = repeated.policy(new String(r[0]), Integer.parseInt(r[1]), new String(r[2]), p -> {
        made.add(p.id() + "/" + p.version() + "/" + p.digest());
        return p.id() + "/" + p.version() + "/" + p.digest();
      });
      assertThat(text).isEqualTo(r[0] + "/" + r[1] + "/" + r[2]);
    }
    assertThat(made).containsExactly("sla/1/d1", "sla/2/d1", "sla/1/d2", "other/1/d1");
  }

  @Test
  void instantsMatchByValue() {
    RepeatedText repeated = new RepeatedText();
    List<Instant> made = new ArrayList<>();
    for (String at : List.of("2026-04-01T00:00:00Z", "2026-03-31T22:00:00Z", "2026-04-01T00:00:00Z")) {
      assertThat(repeated.instant(Instant.parse(at), i -> {
        made.add(i);
        return i.toString();
      })).isEqualTo(at);
    }
    assertThat(made).hasSize(2);
  }
}
