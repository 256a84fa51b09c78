package dev.amends.rules.json;

import dev.amends.core.account.Account;
import dev.amends.core.account.Price;
import dev.amends.core.account.Standing;
import dev.amends.core.account.Subscription;
import dev.amends.core.internal.Checks;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingCycle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.threeten.extra.Interval;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * The fast path of reading an account line: Jackson's streaming parser, token by token, straight
 * into the values {@link RecordCodecs#ACCOUNT} reads, without a JSON tree, for lines that are well
 * formed. It only ever accepts. On anything it does not expect (a field it does not know, a field
 * given twice, a null, a value of another type, a number where the format also allows a string, a
 * decimal with an exponent or more digits than allowed, a check of the core failing, anything
 * else) it declines, and the line is read again by the codec, which stays the reference and gives
 * every rejection and its message. What it accepts, the codec accepts as the same account: values
 * are converted by the same parsers ({@code CurrencyUnit.of}, {@code ZoneId.of}, {@code
 * Instant.parse}, {@code LocalDate.parse}, {@code Scope.of}, exact enum names, {@link
 * Json#money}) and built by the same methods ({@link RecordCodecs#account}, {@link
 * RecordCodecs#subscription}).
 */
final class AccountLines {
  private AccountLines() {}

  /** Declining: thrown anywhere inside, caught once; no stack trace, so that it costs nothing. */
  private static final class Decline extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Decline() {
      super("declined", null, false, false);
    }
  }

  private static final Decline DECLINE = new Decline();

  /**
   * The account a line holds, or null if the fast path declines it (the line is then read by the
   * codec, which accepts or rejects it).
   *
   * @param text one line, not blank
   * @return the account, or null
   */
  static Account read(String text) {
    try (JsonParser p = Json.MAPPER.tokenStreamFactory().createParser(ObjectReadContext.empty(), text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Account account = account(p);
      return p.nextToken() == null ? account : null; // trailing tokens: the codec says so
    } catch (RuntimeException e) { // Decline, a parse error, or a check failing: the codec says why
      return null;
    }
  }

  private static Account account(JsonParser p) {
    int seen = 0;
    String id = null;
    CurrencyUnit currency = null;
    ZoneId zone = null;
    BillingCycle cycle = null;
    Optional<LocalDate> anchor = Optional.empty();
    List<Standing.Change> changes = new ArrayList<>();
    Optional<LocalDate> since = Optional.empty();
    List<String> tags = List.of();
    List<Subscription> subs = new ArrayList<>();
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> {
          seen = once(seen, 1);
          id = string(p, t);
        }
        case "currency" -> {
          seen = once(seen, 2);
          currency = CurrencyUnit.of(string(p, t));
        }
        case "zone" -> {
          seen = once(seen, 4);
          zone = ZoneId.of(string(p, t));
        }
        case "billing" -> {
          seen = once(seen, 8);
          start(t, JsonToken.START_OBJECT);
          int b = 0;
          String n;
          while ((n = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (n) {
              case "cycle" -> {
                b = once(b, 1);
                cycle = BillingCycle.valueOf(string(p, v));
              }
              case "anchor" -> {
                b = once(b, 2);
                anchor = Optional.of(LocalDate.parse(string(p, v)));
              }
              default -> throw DECLINE;
            }
          }
          required(b, 1);
        }
        case "standing" -> {
          seen = once(seen, 16);
          start(t, JsonToken.START_ARRAY);
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            start(e, JsonToken.START_OBJECT);
            changes.add(change(p));
          }
        }
        case "customerSince" -> {
          seen = once(seen, 32);
          since = Optional.of(LocalDate.parse(string(p, t)));
        }
        case "tags" -> {
          seen = once(seen, 64);
          tags = strings(p, t);
        }
        case "subscriptions" -> {
          seen = once(seen, 128);
          start(t, JsonToken.START_ARRAY);
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            start(e, JsonToken.START_OBJECT);
            subs.add(subscription(p));
          }
        }
        default -> throw DECLINE;
      }
    }
    required(seen, 1 | 2 | 4);
    end(p);
    return RecordCodecs.account(id, currency, zone, cycle, anchor, changes, since, tags, subs);
  }

  private static Standing.Change change(JsonParser p) {
    int seen = 0;
    Instant from = null;
    Standing.Status status = null;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "from" -> {
          seen = once(seen, 1);
          from = Instant.parse(string(p, t));
        }
        case "status" -> {
          seen = once(seen, 2);
          status = Standing.Status.valueOf(string(p, t));
        }
        default -> throw DECLINE;
      }
    }
    required(seen, 1 | 2);
    end(p);
    return new Standing.Change(from, status);
  }

  private static Subscription subscription(JsonParser p) {
    int seen = 0;
    String id = null;
    String plan = null;
    List<Price> prices = new ArrayList<>();
    Interval active = null;
    List<Scope> placements = new ArrayList<>();
    long seats = 1;
    List<String> tags = List.of();
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> {
          seen = once(seen, 1);
          id = string(p, t);
        }
        case "plan" -> {
          seen = once(seen, 2);
          plan = string(p, t);
        }
        case "prices" -> {
          seen = once(seen, 4);
          start(t, JsonToken.START_ARRAY);
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            start(e, JsonToken.START_OBJECT);
            prices.add(price(p));
          }
        }
        case "active" -> {
          seen = once(seen, 8);
          start(t, JsonToken.START_OBJECT);
          active = window(p);
        }
        case "placements" -> {
          seen = once(seen, 16);
          for (String s : strings(p, t)) {
            placements.add(Scope.of(s));
          }
          if (placements.isEmpty()) {
            throw DECLINE;
          }
        }
        case "seats" -> {
          seen = once(seen, 32);
          if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw DECLINE;
          }
          seats = p.getIntValue();
          if (seats < 1) {
            throw DECLINE;
          }
        }
        case "tags" -> {
          seen = once(seen, 64);
          tags = strings(p, t);
        }
        default -> throw DECLINE;
      }
    }
    required(seen, 1 | 2 | 4 | 8 | 16);
    end(p);
    return RecordCodecs.subscription(id, plan, prices, active, placements, seats, tags);
  }

  private static Price price(JsonParser p) {
    int seen = 0;
    LocalDate from = LocalDate.MIN;
    Money amount = null;
    BillingCycle per = BillingCycle.MONTHLY;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "effectiveFrom" -> {
          seen = once(seen, 1);
          from = LocalDate.parse(string(p, t));
        }
        case "amount" -> {
          seen = once(seen, 2);
          start(t, JsonToken.START_OBJECT);
          amount = money(p);
        }
        case "per" -> {
          seen = once(seen, 4);
          per = BillingCycle.valueOf(string(p, t));
        }
        default -> throw DECLINE;
      }
    }
    required(seen, 2);
    end(p);
    return Price.of(from, amount, per);
  }

  /** A window open at its end, as {@code active} is: the end optional, an open end {@link Instant#MAX}. */
  private static Interval window(JsonParser p) {
    int seen = 0;
    Instant start = null;
    Instant end = Instant.MAX;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "start" -> {
          seen = once(seen, 1);
          start = Instant.parse(string(p, t));
        }
        case "end" -> {
          seen = once(seen, 2);
          end = Instant.parse(string(p, t));
        }
        default -> throw DECLINE;
      }
    }
    required(seen, 1);
    end(p);
    return Checks.window("window", start, end);
  }

  /**
   * Money whose amount is a plain decimal string ({@code "12.50"}: no exponent, no number token)
   * within the digit limits and with no more decimals than the currency has, trailing zeros aside.
   */
  private static Money money(JsonParser p) {
    int seen = 0;
    String amount = null;
    CurrencyUnit currency = null;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "amount" -> {
          seen = once(seen, 1);
          amount = string(p, t);
        }
        case "currency" -> {
          seen = once(seen, 2);
          currency = CurrencyUnit.of(string(p, t));
        }
        default -> throw DECLINE;
      }
    }
    required(seen, 1 | 2);
    end(p);
    BigDecimal d = plainDecimal(amount);
    if (currency.getDecimalPlaces() < 0 || d.stripTrailingZeros().scale() > currency.getDecimalPlaces()) {
      throw DECLINE;
    }
    return Json.money(currency, d);
  }

  /**
   * A decimal written {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} with at most {@link
   * RecordFields#MAX_INTEGER_DIGITS} digits before the point and {@link
   * RecordFields#MAX_FRACTION_DIGITS} after it; anything else declines.
   */
  static BigDecimal plainDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    int intStart = i;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    int intDigits = i - intStart;
    if (intDigits == 0 || intDigits > RecordFields.MAX_INTEGER_DIGITS || (intDigits > 1 && s.charAt(intStart) == '0')) {
      throw DECLINE;
    }
    if (i < n) {
      if (s.charAt(i) != '.') {
        throw DECLINE;
      }
      i++;
      int fracStart = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      int fracDigits = i - fracStart;
      if (i != n || fracDigits == 0 || fracDigits > RecordFields.MAX_FRACTION_DIGITS) {
        throw DECLINE;
      }
    }
    return new BigDecimal(s);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A string value; any other token declines. */
  private static String string(JsonParser p, JsonToken t) {
    if (t != JsonToken.VALUE_STRING) {
      throw DECLINE;
    }
    return p.getString();
  }

  /** An array of strings, in order; any other token declines. */
  private static List<String> strings(JsonParser p, JsonToken t) {
    start(t, JsonToken.START_ARRAY);
    List<String> out = new ArrayList<>();
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      out.add(string(p, e));
    }
    return out;
  }

  private static void start(JsonToken t, JsonToken expected) {
    if (t != expected) {
      throw DECLINE;
    }
  }

  /** After the last member: the object must have ended (not a parse error held back). */
  private static void end(JsonParser p) {
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw DECLINE;
    }
  }

  /** Marks a field seen; seen twice (a duplicate key) declines. */
  private static int once(int seen, int bit) {
    if ((seen & bit) != 0) {
      throw DECLINE;
    }
    return seen | bit;
  }

  private static void required(int seen, int bits) {
    if ((seen & bits) != bits) {
      throw DECLINE;
    }
  }
}
