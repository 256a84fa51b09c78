package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class JsonTest {
  @Test
  void duplicateKeysAreAnError() {
    assertThatThrownBy(() -> Json.MAPPER.readTree("{\"a\": 1, \"a\": 2}"))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("Duplicate Object property \"a\"");
  }

  @Test
  void trailingTokensAreAnError() {
    assertThatThrownBy(() -> Json.MAPPER.readTree("{\"a\": 1} {\"b\": 2}"))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("Trailing token");
  }

  @Test
  void decimalsAreReadExactlyNotThroughDouble() {
    JsonNode n = Json.MAPPER.readTree("{\"percent\": 0.1000000000000000055511151231257827}");
    assertThat(n.get("percent").decimalValue()).isEqualByComparingTo(new BigDecimal("0.1000000000000000055511151231257827"));
  }

  @Test
  void tooDeepNestingFailsFast() {
    String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    assertThatThrownBy(() -> Json.MAPPER.readTree(deep)).isInstanceOf(JacksonException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void tooLongNumberFailsFast() {
    String digits = "1".repeat(1_000_000);
    assertThatThrownBy(() -> Json.MAPPER.readTree("{\"n\": " + digits + "}")).isInstanceOf(JacksonException.class)
        .hasMessageContaining("Number value length");
  }

  @Test
  void problemsAreListedOneALineWithTheirPointers() {
    JsonDocumentException e = new JsonDocumentException("policy document", List.of(
        new JsonProblem("/rules/of/0/tiers/1/below", "\"99,0\"", "is not a decimal"),
        new JsonProblem("/id", JsonProblem.MISSING, "is required")));
    assertThat(e.getMessage()).isEqualTo("""
        policy document: 2 problems
          /rules/of/0/tiers/1/below: "99,0" is not a decimal
          /id: (missing) is required""");
  }

  @Test
  void moneyIsWhatTheJodaMoneyModuleMakesOfTheAmountForEveryCurrency() {
    List<String> amounts = List.of("0", "12", "12.5", "12.50", "0.07", "-3.25", "123456789012345678", "9.000");
    for (org.joda.money.CurrencyUnit c : org.joda.money.CurrencyUnit.registeredCurrencies()) {
      int places = Math.max(0, c.getDecimalPlaces());
      for (String a : amounts) {
        BigDecimal amount = new BigDecimal(a);
        if (amount.stripTrailingZeros().scale() > places) {
          continue; // refused before conversion (Walk.money)
        }
        var node = Json.MAPPER.createObjectNode()
            .put("amount", amount.setScale(places, java.math.RoundingMode.UNNECESSARY).toPlainString())
            .put("currency", c.getCode());
        org.joda.money.Money viaModule = Json.MAPPER.treeToValue(node, org.joda.money.Money.class);

        org.joda.money.Money direct = Json.money(c, amount);

        assertThat(direct).as("%s %s", c, a).isEqualTo(viaModule);
        assertThat(direct.getAmount().scale()).as("%s %s", c, a).isEqualTo(viaModule.getAmount().scale());
      }
    }
  }
}
