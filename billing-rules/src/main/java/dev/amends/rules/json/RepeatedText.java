package dev.amends.rules.json;

import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.util.HashMap;
import java.util.function.Function;
import org.joda.money.Money;

/**
 * JSON values that decision lines repeat from line to line, each made once as text by a generator
 * of {@link Json#MAPPER} ({@link DecisionJson}'s and {@link MoneyJson}'s own code for that value)
 * and then written raw into every line that repeats it: the same characters the generator writes
 * field by field, without formatting the dates, instants and amounts and escaping the strings
 * again on every line. A fleet's lines share a few periods (one a zone), evaluation instants and
 * policies, of which the last {@value #KEPT} of each are kept; and amounts (a price list's fees
 * times a few percentages), of which the first {@value #AMOUNTS} met are kept. Each is matched by
 * {@code equals} over everything its text is made of, so a value not kept is only made again,
 * never written wrong.
 *
 * <p>Not thread-safe: one per {@link RecordWriter}, used by its thread.
 */
final class RepeatedText {
  /** Values kept of each kind. */
  static final int KEPT = 8;
  /** Amounts kept at most. */
  static final int AMOUNTS = 4096;

  private final Kept<BillingPeriod> periods = new Kept<>();
  private final Kept<Instant> instants = new Kept<>();
  private final Kept<PolicyRef> policies = new Kept<>();
  private final HashMap<Money, String> amounts = new HashMap<>();

  /** A credit line's policy, as its text is made of it. */
  record PolicyRef(String id, int version, String digest) {}

  /** The text of a period object; {@code text} makes it when it is not kept. */
  String period(BillingPeriod period, Function<BillingPeriod, String> text) {
    return periods.text(period, text);
  }

  /** The text (a quoted string) of an instant; {@code text} makes it when it is not kept. */
  String instant(Instant instant, Function<Instant, String> text) {
    return instants.text(instant, text);
  }

  /** The text of a policy object; {@code text} makes it when it is not kept. */
  String policy(String id, int version, String digest, Function<PolicyRef, String> text) {
    Kept<PolicyRef> k = policies;
    for (int i = 0; i < k.size; i++) {
      PolicyRef r = (PolicyRef) k.keys[i];
      if (r.version == version && r.id.equals(id) && r.digest.equals(digest)) {
        return k.texts[i];
      }
    }
    PolicyRef r = new PolicyRef(id, version, digest);
    return k.keep(r, text.apply(r));
  }

  /** The text of money; {@code text} makes it when it is not kept. */
  String money(Money money, Function<Money, String> text) {
    String t = amounts.get(money);
    if (t == null) {
      t = text.apply(money);
      if (amounts.size() < AMOUNTS) {
        amounts.put(money, t);
      }
    }
    return t;
  }

  /** The last {@link #KEPT} values of one kind and their texts, the oldest replaced first. */
  private static final class Kept<K> {
    final Object[] keys = new Object[KEPT];
    final String[] texts = new String[KEPT];
    int size;
    private int next;

    String text(K key, Function<K, String> text) {
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(key)) {
          return texts[i];
        }
      }
      return keep(key, text.apply(key));
    }

    String keep(K key, String text) {
      keys[next] = key;
      texts[next] = text;
      next = (next + 1) % KEPT;
      size = Math.max(size, next == 0 ? KEPT : next);
      return text;
    }
  }
}
