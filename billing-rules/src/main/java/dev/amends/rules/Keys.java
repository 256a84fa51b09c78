package dev.amends.rules;

import dev.amends.core.time.BillingPeriod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
final class Keys {
  private static final char ESCAPE = '\u001e';
  private static final char SEPARATOR = '\u001f';
  private static final Pattern ADJUSTMENT = Pattern.compile("(top_up|clawback)-after--?[0-9]+(-n?[0-9]+(_[0-9]+)?d)?");

  private Keys() {}

  /** The key of the credit a policy's rule gives a subscription of an account in a period. */
  static String key(String accountId, String subscriptionId, BillingPeriod period, String policyId, String path) {
    KeyText t = KEY_TEXT.get();
    byte[] hash = t.ascii(accountId, subscriptionId, period, policyId, path)
        ? t.digest()
        : sha256(text(accountId, subscriptionId, period, policyId, path));
    return "cr-" + HEX.formatHex(hash, 0, 16);
  }

  /**
   * Per thread: the bytes of a key's text built in place, when every part is ASCII without the
   * escape or separator character (every id that passes input validation), which is then the
   * text's UTF-8 encoding byte for byte; the period's parts are encoded once per period.
   */
  private static final class KeyText {
    final MessageDigest digest = newSha256();
    byte[] bytes = new byte[256];
    int length;
    private BillingPeriod period;
    private byte[] periodBytes;

    /** Builds the text's bytes, or returns false (with nothing usable) if a part needs more than ASCII. */
    boolean ascii(String accountId, String subscriptionId, BillingPeriod period, String policyId, String path) {
      if (!period.equals(this.period)) {
        String p = join(period.startDate().toString(), period.endDate().toString(), period.zone().getId());
        if (!ascii(p)) {
          return false;
        }
        periodBytes = p.getBytes(StandardCharsets.US_ASCII);
        this.period = period;
      }
      length = 0;
      return put(CREDIT_TAG) && put(accountId) && put(subscriptionId) && putPeriod() && put(policyId)
          && put(path) && trim();
    }

    /** The SHA-256 of the bytes built; {@link MessageDigest#digest()} resets the digest for the next key. */
    byte[] digest() {
      digest.update(bytes, 0, length);
      return digest.digest();
    }

    private boolean putPeriod() {
      room(periodBytes.length + 1);
      System.arraycopy(periodBytes, 0, bytes, length, periodBytes.length);
      length += periodBytes.length;
      bytes[length++] = (byte) SEPARATOR;
      return true;
    }

    /** Appends a part and a separator. */
    private boolean put(String part) {
      int n = part.length();
      room(n + 1);
      for (int i = 0; i < n; i++) {
        char c = part.charAt(i);
        if (c >= 0x80 || c == ESCAPE || c == SEPARATOR) {
          return false;
        }
        bytes[length++] = (byte) c;
      }
      bytes[length++] = (byte) SEPARATOR;
      return true;
    }

    /** Drops the separator after the last part. */
    private boolean trim() {
      length--;
      return true;
    }

    private void room(int more) {
      if (length + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
      }
    }

    /** True if every character is ASCII (the period's parts come already escaped). */
    private static boolean ascii(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= 0x80) {
          return false;
        }
      }
      return true;
    }
  }

  private static final String CREDIT_TAG = "amends-credit-v1";
  private static final ThreadLocal<KeyText> KEY_TEXT = ThreadLocal.withInitial(KeyText::new);

  /** The text a key hashes; see the class comment. */
  static String text(String accountId, String subscriptionId, BillingPeriod period, String policyId, String path) {
    return join(CREDIT_TAG, accountId, subscriptionId, period.startDate().toString(),
        period.endDate().toString(), period.zone().getId(), policyId, path);
  }

  /**
   * The key of a campaign's grant: {@code gr-} and the first 16 bytes of the SHA-256 of the
   * escaped parts campaign id, account id, subscription id (empty for a per-account grant) and
   * rule path. No period, zone or amount: a grant is recognised on any re-run.
   */
  static String grantKey(String campaignId, String accountId, String subscriptionId, String path) {
    byte[] hash = sha256(join("amends-grant-v1", campaignId, accountId, subscriptionId, path));
    return "gr-" + HEX.formatHex(hash, 0, 16);
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append(SEPARATOR);
      }
      for (int k = 0; k < parts[i].length(); k++) {
        char c = parts[i].charAt(k);
        if (c == ESCAPE || c == SEPARATOR) {
          sb.append(ESCAPE);
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** True if the part of an issued key after its {@code /} is one the engine gives adjustments. */
  static boolean isAdjustment(String suffix) {
    return ADJUSTMENT.matcher(suffix).matches();
  }

  /**
   * Asserts that no two lines of a decision share a key.
   *
   * @throws RuleEvaluationException naming the second line's rule path and the key
   */
  static void checkUnique(List<CreditLine> lines) {
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
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Keys::newSha256);

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static final HexFormat HEX = HexFormat.of();

  /**
   * A content digest: {@code sha256:} and the hex SHA-256 of the text, as policies and campaigns
   * record on every line they decide.
   */
  static String contentDigest(String text) {
    return "sha256:" + HEX.formatHex(sha256(text));
  }

  private static byte[] sha256(String text) {
    return SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
