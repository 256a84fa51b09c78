package dev.amends.rules.engine;

import dev.amends.rules.CreditLine;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.core.time.BillingPeriod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * Idempotency keys of credit lines.
 *
 * <p>A key is {@code cr-} and the first 16 bytes, in hex, of the SHA-256 of a text that joins a
 * version tag, the account id, the subscription id, the period's first and last dates and zone,
 * the policy id and the rule path with the unit separator U+001F. Each part is escaped first:
 * U+001E becomes U+001E U+001E and U+001F becomes U+001E U+001F. So the text can be split back into
 * its parts whatever characters they hold, and two different sets of parts never give the same
 * text; parts without those two characters (every id that passes input validation) are
 * unchanged, so keys are the same as before escaping was added.
 *
 * <p>A campaign's grant has its own key, {@link #grantKey}. An adjustment's key is its original's key, {@code /}, and {@code top_up-after-<minor units
 * issued>} or {@code clawback-after-<minor units issued>}, followed by {@code -<days issued>d}
 * when days of service were issued ({@code -5_2d} for 5/2 days, {@code -n3d} for minus 3).
 */
public final class Keys {
  private static final char ESCAPE = '\u001e';
  private static final char SEPARATOR = '\u001f';
  private static final Pattern ADJUSTMENT = Pattern.compile("(top_up|clawback)-after--?[0-9]+(-n?[0-9]+(_[0-9]+)?d)?");

  private Keys() {}

  /** The key of the credit a policy's rule gives a subscription of an account in a period. */
  public static String key(String accountId, String subscriptionId, BillingPeriod period, String policyId, String path) {
    byte[] hash = sha256(text(accountId, subscriptionId, period, policyId, path));
    return "cr-" + HEX.formatHex(hash, 0, 16);
  }

  /** The text a key hashes; see the class comment. */
  public static String text(String accountId, String subscriptionId, BillingPeriod period, String policyId, String path) {
    StringBuilder sb = new StringBuilder(160).append(CREDIT_V1).append(SEPARATOR);
    append(sb, accountId).append(SEPARATOR);
    append(sb, subscriptionId).append(SEPARATOR).append(periodText(period)).append(SEPARATOR);
    append(sb, policyId).append(SEPARATOR);
    return append(sb, path).toString();
  }

  private static final String CREDIT_V1 = "amends-credit-v1";

  /** The last periods' key parts, by identity: a batch has a handful of periods, met again and again. */
  private record PeriodText(BillingPeriod period, String text) {}

  private static final AtomicReferenceArray<PeriodText> PERIOD_TEXTS = new AtomicReferenceArray<>(16);

  /**
   * A period's part of a key, start date, end date and zone id, escaped and joined: worked out
   * once per period met (a small cache by identity; a miss only recomputes it).
   */
  private static String periodText(BillingPeriod period) {
    int slot = System.identityHashCode(period) & (PERIOD_TEXTS.length() - 1);
    PeriodText cached = PERIOD_TEXTS.getPlain(slot);
    if (cached != null && cached.period() == period) {
      return cached.text();
    }
    String text = join(period.startDate().toString(), period.endDate().toString(), period.zone().getId());
    PERIOD_TEXTS.setPlain(slot, new PeriodText(period, text));
    return text;
  }

  /** Appends one part, escaped. */
  private static StringBuilder append(StringBuilder sb, String part) {
    if (part.indexOf(ESCAPE) < 0 && part.indexOf(SEPARATOR) < 0) {
      return sb.append(part);
    }
    for (int k = 0; k < part.length(); k++) {
      char c = part.charAt(k);
      if (c == ESCAPE || c == SEPARATOR) {
        sb.append(ESCAPE);
      }
      sb.append(c);
    }
    return sb;
  }

  /**
   * The key of a campaign's grant: {@code gr-} and the first 16 bytes of the SHA-256 of the
   * escaped parts campaign id, account id, subscription id (empty for a per-account grant) and
   * rule path. No period, zone or amount: a grant is recognised on any re-run.
   */
  public static String grantKey(String campaignId, String accountId, String subscriptionId, String path) {
    byte[] hash = sha256(join("amends-grant-v1", campaignId, accountId, subscriptionId, path));
    return "gr-" + HEX.formatHex(hash, 0, 16);
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append(SEPARATOR);
      }
      append(sb, parts[i]);
    }
    return sb.toString();
  }

  /** True if the part of an issued key after its {@code /} is one the engine gives adjustments. */
  public static boolean isAdjustment(String suffix) {
    return ADJUSTMENT.matcher(suffix).matches();
  }

  /**
   * Asserts that no two lines of a decision share a key.
   *
   * @throws RuleEvaluationException naming the second line's rule path and the key
   */
  public static void checkUnique(List<CreditLine> lines) {
    Map<String, CreditLine> seen = new HashMap<>();
    for (CreditLine l : lines) {
      CreditLine first = seen.putIfAbsent(l.key(), l);
      if (first != null) {
        throw new RuleEvaluationException(l.rulePath(),
            "gives a line with the idempotency key " + l.key() + " that the line of " + first.rulePath()
                + " already has (subscription " + l.subscriptionId() + ", policy " + l.policyId()
                + "); keys must be unique within a decision", null);
      }
    }
  }

  /**
   * One SHA-256 digest per thread, reused for every key that thread hashes: {@link
   * MessageDigest#digest(byte[])} resets it, so no state leaks from one key to the next.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  });

  private static final HexFormat HEX = HexFormat.of();

  private static byte[] sha256(String text) {
    return SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
