package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
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

  @Test
  void amountsMatchByCurrencyAndAmountAndOnlyTheFirstFewThousandAreKept() {
    RepeatedText repeated = new RepeatedText();
    List<Money> made = new ArrayList<>();
    for (String m : List.of("USD 12.50", "JPY 1250", "USD 12.50", "EUR 12.50", "JPY 1250", "USD -12.50")) {
      assertThat(repeated.money(Money.parse(m), x -> {
        made.add(x);
        return MoneyJson.text(x);
      })).isEqualTo(MoneyJson.text(Money.parse(m)));
    }
    assertThat(made).containsExactly(Money.parse("USD 12.50"), Money.parse("JPY 1250"), Money.parse("EUR 12.50"),
        Money.parse("USD -12.50"));
    for (int cents = 0; made.size() < RepeatedText.AMOUNTS + 10; cents++) { // past the bound: made, not kept
      repeated.money(Money.ofMinor(org.joda.money.CurrencyUnit.USD, cents), x -> {
        made.add(x);
        return MoneyJson.text(x);
      });
    }
    int before = made.size();
    assertThat(repeated.money(Money.ofMinor(org.joda.money.CurrencyUnit.USD, 1), MoneyJson::text))
        .isEqualTo("{\"amount\":\"0.01\",\"currency\":\"USD\"}");
    repeated.money(Money.parse("USD 99999.99"), x -> {
      made.add(x);
      return MoneyJson.text(x);
    });
    repeated.money(Money.parse("USD 99999.99"), x -> {
      made.add(x);
      return MoneyJson.text(x);
    });
    assertThat(made).hasSize(before + 2); // 0.01 was kept; 99,999.99 came after the bound, so made each time
  }
}
