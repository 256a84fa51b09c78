package dev.amends.rules.json;

import dev.amends.core.money.ExactMoney;
import java.io.StringWriter;
import org.joda.money.Money;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place {@code dev.amends.rules.json} writes money, in the two shapes its outputs use:
 *
 * <ul>
 *   <li><b>Money</b>, rounded, at the currency's scale: {@code {"amount": "12.50", "currency":
 *       "USD"}} ({@code "1500"} for JPY, {@code "-2.00"} for a claw-back), the amount a decimal
 *       string so that no reader takes it through binary floating point. Written only by {@link
 *       #write(JsonGenerator, Money)} (text and tree forms are made from it); its text is that of
 *       Jackson's Joda-Money module configured in {@link Json#MAPPER}, which reads it back
 *       ({@code MoneyJsonTest} holds the two equal for every currency). Used by every record stream
 *       (prices, issued and carried credits), decisions (line amounts, totals, amounts carried
 *       forward), the liability summary and {@code amends diff}.
 *   <li><b>Exact money</b>, not rounded: {@code {"amount": "21/2", "currency": "USD"}}, the
 *       amount an exact ratio ({@code "n/d"}, or {@code "n"} when whole). Used by traces (a
 *       subscription's fee, a node's amount, amount values), where rounding happens later.
 * </ul>
 *
 * <p>A third shape belongs to policy and campaign documents: {@code {"currency": "USD",
 * "amount": 5.00}} (currency first, the amount a JSON number in shortest form). It is the
 * canonical form the policy digest is computed from, written by {@code Canonical} in {@code
 * dev.amends.rules} (which cannot depend on this package), and read here by {@code Walk.MONEY},
 * which takes the amount as a number or a string. It is kept as it is: changing it would change
 * the digest of every policy with an amount in it.
 */
final class MoneyJson {
  private MoneyJson() {}

  /**
   * Writes money, rounded, as {@code {"amount": "12.50", "currency": "USD"}}: the text the module
   * writes, streamed without its serializer look-up, since every decision line writes money
   * several times ({@code MoneyJsonTest} holds the two to the same text for every currency). A
   * {@link Money}'s amount is always at its currency's scale, so its plain string is the module's
   * amount.
   */
  static void write(JsonGenerator g, Money money) {
    g.writeStartObject();
    g.writeName(Quoted.AMOUNT);
    g.writeString(money.getAmount().toPlainString());
    g.writeName(Quoted.CURRENCY);
    g.writeString(money.getCurrencyUnit().getCode());
    g.writeEndObject();
  }

  /**
   * Money, rounded, as an object node {@code {"amount": "12.50", "currency": "USD"}}: {@link
   * #write}'s text, read back.
   */
  static ObjectNode node(Money money) {
    return (ObjectNode) Json.MAPPER.readTree(text(money));
  }

  /** Money, rounded, as JSON text {@code {"amount":"12.50","currency":"USD"}}: what {@link #write} writes. */
  static String text(Money money) {
    StringWriter out = new StringWriter(48);
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      write(g, money);
    }
    return out.toString();
  }

  /** Writes an unrounded amount as {@code {"amount": "21/2", "currency": "USD"}}. */
  static void write(JsonGenerator g, ExactMoney money) {
    g.writeStartObject();
    g.writeStringProperty("amount", money.amount().toString());
    g.writeStringProperty("currency", money.currency().getCode());
    g.writeEndObject();
  }
}
