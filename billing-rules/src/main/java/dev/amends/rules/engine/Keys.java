package dev.amends.rules.engine;

import dev.amends.rules.CreditLine;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.core.time.BillingPeriod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
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
public final class Keys {
  private static final char ESCAPE = '\u001e';
  private static final char SEPARATOR = '\u001f';
  private static final Pattern ADJUSTMENT = Pattern.compile("(top_up|clawback)-after--?[0-9]+(-n?[0-9]+(_[0-9]+)?d)?");

  private Keys() {}

  /** The key of the credit a policy's rule gives a subscription of an account in a period. */
  public static String key(String accountId, String subscriptionId, BillingPeriod period, String policyId, String path) {
    Hasher h = HASHER.get();
    byte[] tail = h.tail(period, policyId, path);
    if (h.start(CREDIT_TAG) && h.part(accountId) && h.part(subscriptionId)) {
      h.append(tail);
      return h.key('c');
    }
    return hex('c', sha256(text(accountId, subscriptionId, period, policyId, path)));
  }

  /**
   * The text of a key as UTF-8 bytes, written straight into a buffer kept per thread. Its tail,
   * the separator and {@link #tailText} (period, policy id and rule path), is encoded once per
   * tail met and kept (a small table per thread); the head, the version tag, the account id and
   * the subscription id, is written byte for byte when every character of the ids is printable
   * ASCII (U+0020 to U+007F), whose UTF-8 bytes are the characters themselves and which hold
   * neither U+001E nor U+001F. Then the bytes hashed are those of {@link #text}, without building
   * that text and encoding it (UTF-8 encodes each part on its own, since an ASCII separator stands
   * between every two); an id with any other character makes {@link #key} take the general path.
   */
  private static final class Hasher {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private final MessageDigest digest = newSha256();
    private final byte[] hash = new byte[32];
    /** A key's text: a prefix such as {@code cr-}, then 32 hex digits. */
    private final byte[] out = new byte[35];
    private final Tail[] tails = new Tail[64];
    /** The most slots a tail is looked for in, from its own on. */
    private static final int PROBES = 8;
    private byte[] bytes = new byte[256];
    private int length;

    /** A key's tail as UTF-8 bytes, by the parts it is made of. */
    private record Tail(BillingPeriod period, String policyId, String path, byte[] bytes) {}

    /**
     * The UTF-8 bytes of the separator and {@link #tailText}: kept per period, policy id and
     * path, so a batch, with a handful of each, encodes each tail once. An open table probed
     * from the tail's slot on: two tails of one slot are both kept (a table with one tail a
     * slot made two common tails of one slot encode themselves on every key, in turn). Past
     * {@value #PROBES} slots taken by others, the tail replaces the one in its own slot.
     */
    byte[] tail(BillingPeriod period, String policyId, String path) {
      int mix = (period.hashCode() * 31 + policyId.hashCode()) * 31 + path.hashCode();
      int home = (mix ^ (mix >>> 16)) & (tails.length - 1);
      for (int i = 0; i < PROBES; i++) {
        int slot = (home + i) & (tails.length - 1);
        Tail t = tails[slot];
        if (t == null) {
          return keep(slot, period, policyId, path);
        }
        if ((t.period() == period || t.period().equals(period)) && t.policyId().equals(policyId)
            && t.path().equals(path)) {
          return t.bytes();
        }
      }
      return keep(home, period, policyId, path);
    }

    private byte[] keep(int slot, BillingPeriod period, String policyId, String path) {
      Tail t = new Tail(period, policyId, path,
          (SEPARATOR + tailText(period, policyId, path)).getBytes(StandardCharsets.UTF_8));
      tails[slot] = t;
      return t.bytes();
    }

    /** Starts a text with its version tag. */
    boolean start(byte[] tag) {
      length = 0;
      append(tag);
      return true;
    }

    /**
     * The separator, then a part; false if the part needs the general path. Every character is
     * written, and whether each was printable ASCII is checked once at the end: a loop without a
     * branch per character.
     */
    boolean part(String part) {
      int n = part.length();
      ensure(n + 1);
      byte[] b = bytes;
      int at = length;
      b[at++] = (byte) SEPARATOR;
      int outside = 0;
      for (int i = 0; i < n; i++) {
        char c = part.charAt(i);
        outside |= (c - 0x20) | (0x7f - c); // negative if c < 0x20 or c > 0x7f
        b[at + i] = (byte) c;
      }
      length = at + n;
      return outside >= 0;
    }

    /** Bytes already encoded. */
    void append(byte[] more) {
      ensure(more.length);
      System.arraycopy(more, 0, bytes, length, more.length);
      length += more.length;
    }

    private void ensure(int more) {
      if (bytes.length - length < more) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    /** The key of the text written: {@code first}, {@code r-}, and its hash's first 16 bytes in hex. */
    String key(char first) {
      digest.update(bytes, 0, length);
      try {
        digest.digest(hash, 0, hash.length);
      } catch (java.security.DigestException e) {
        throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
      }
      return hex(first, hash, out);
    }
  }

  /** {@code first}, {@code r-} and the first 16 bytes of a hash in hex, as one string. */
  private static String hex(char first, byte[] hash) {
    return hex(first, hash, new byte[35]);
  }

  private static String hex(char first, byte[] hash, byte[] out) {
    out[0] = (byte) first;
    out[1] = 'r';
    out[2] = '-';
    for (int i = 0; i < 16; i++) {
      int v = hash[i];
      out[3 + 2 * i] = Hasher.HEX_DIGITS[(v >> 4) & 0xf];
      out[4 + 2 * i] = Hasher.HEX_DIGITS[v & 0xf];
    }
    return new String(out, 0, 35, StandardCharsets.ISO_8859_1);
  }

  private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

  /** The text a key hashes; see the class comment. */
  public static String text(String accountId, String subscriptionId, BillingPeriod period, String policyId, String path) {
    StringBuilder sb = new StringBuilder(160).append(CREDIT_V1).append(SEPARATOR);
    append(sb, accountId).append(SEPARATOR);
    append(sb, subscriptionId).append(SEPARATOR);
    return sb.append(tailText(period, policyId, path)).toString();
  }

  /** The end of a key's text, after the subscription id's separator: period, policy id and path. */
  private static String tailText(BillingPeriod period, String policyId, String path) {
    StringBuilder sb = new StringBuilder(96).append(periodText(period)).append(SEPARATOR);
    append(sb, policyId).append(SEPARATOR);
    return append(sb, path).toString();
  }

  private static final String CREDIT_V1 = "amends-credit-v1";
  private static final byte[] CREDIT_TAG = CREDIT_V1.getBytes(StandardCharsets.UTF_8);
  private static final String GRANT_V1 = "amends-grant-v1";
  private static final byte[] GRANT_TAG = GRANT_V1.getBytes(StandardCharsets.UTF_8);

  /**
   * A period's part of a key, start date, end date and zone id, escaped and joined. Made only when
   * a thread meets a new tail (the hasher keeps its bytes) or a key takes the general path.
   */
  private static String periodText(BillingPeriod period) {
    return join(period.startDate().toString(), period.endDate().toString(), period.zone().getId());
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
    Hasher h = HASHER.get();
    if (h.start(GRANT_TAG) && h.part(campaignId) && h.part(accountId) && h.part(subscriptionId) && h.part(path)) {
      return h.key('g');
    }
    return hex('g', sha256(grantText(campaignId, accountId, subscriptionId, path)));
  }

  /** The text a grant's key hashes; see {@link #grantKey}. */
  static String grantText(String campaignId, String accountId, String subscriptionId, String path) {
    return join(GRANT_V1, campaignId, accountId, subscriptionId, path);
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
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Keys::newSha256);

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static byte[] sha256(String text) {
    return SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
