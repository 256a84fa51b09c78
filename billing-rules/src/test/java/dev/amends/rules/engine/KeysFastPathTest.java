package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.time.BillingPeriod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Keys#key} and {@link Keys#grantKey} against the texts that define them ({@link Keys#text},
 * {@link Keys#grantText}), hashed here from scratch: whatever the ids hold (the escape U+001E, the
 * separator U+001F, other control characters, non-ASCII, lone surrogates), and whichever kept tail
 * (period, policy id, path) a key meets, a fresh one or one kept from an earlier key.
 */
class KeysFastPathTest {
  /** Three periods, and a fourth equal to the first but another instance (kept tails compare identity, then equality). */
  private static final List<BillingPeriod> PERIODS = List.of(
      BillingPeriod.month(YearMonth.of(2026, 3), ZoneId.of("America/New_York")),
      BillingPeriod.month(YearMonth.of(2026, 3), ZoneOffset.UTC),
      BillingPeriod.month(YearMonth.of(2024, 2), ZoneId.of("Asia/Tokyo")),
      BillingPeriod.month(YearMonth.of(2026, 3), ZoneId.of("America/New_York")));

  /** More paths than a thread keeps tails, so kept tails are also replaced. */
  private static final List<String> PATHS = IntStream.range(0, 40).mapToObj(i -> "sla/tiers/" + i).toList();

  @Provide
  Arbitrary<String> id() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '\u007f').ofMaxLength(24),
        Arbitraries.strings().withChars('a', '-', '\u001e', '\u001f', '\u0000', '\n', '\u0080', 'é', 'Ł', '€',
            '\ud83d', '\ude00').ofMaxLength(8),
        Arbitraries.strings().all().ofMaxLength(8));
  }

  @Provide
  Arbitrary<String> policyId() {
    return Arbitraries.of("grid-sla", "p\u001e1", "p\u001f", "caf\u00e9", "\ud83d");
  }

  @Provide
  Arbitrary<String> path() {
    return Arbitraries.oneOf(Arbitraries.of(PATHS), Arbitraries.of("sla", "r\u001e", "\u001fr", "\u00e9/\u20ac", "a\ude00"));
  }

  @Provide
  Arbitrary<BillingPeriod> period() {
    return Arbitraries.of(PERIODS);
  }

  @Property(tries = 2000)
  void aCreditKeyIsTheHashOfItsText(@ForAll("id") String account, @ForAll("id") String subscription,
      @ForAll("period") BillingPeriod period, @ForAll("policyId") String policy, @ForAll("path") String path)
      throws NoSuchAlgorithmException {
    String expected = hashed("cr-", Keys.text(account, subscription, period, policy, path));

    assertThat(Keys.key(account, subscription, period, policy, path)).isEqualTo(expected);
    // a fresh copy of each string: the kept tail is found by its content, not by identity
    assertThat(Keys.key(account, subscription, period, new String(policy), new String(path))).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void aGrantKeyIsTheHashOfItsText(@ForAll("id") String campaign, @ForAll("id") String account,
      @ForAll("id") String subscription, @ForAll("path") String path) throws NoSuchAlgorithmException {
    assertThat(Keys.grantKey(campaign, account, subscription, path))
        .isEqualTo(hashed("gr-", Keys.grantText(campaign, account, subscription, path)));
  }

  private static String hashed(String prefix, String text) throws NoSuchAlgorithmException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return prefix + HexFormat.of().formatHex(hash, 0, 16);
  }
}
