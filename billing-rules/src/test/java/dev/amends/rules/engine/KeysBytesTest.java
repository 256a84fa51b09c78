package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.JUNE_2024_UTC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.time.BillingPeriod;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The bytes a key hashes, whichever way {@link Keys#key} takes: printable ASCII straight into a
 * buffer kept per thread (256 bytes at first), anything else through the escaped text and UTF-8.
 * Each expected key is the SHA-256 of a text written out here, in UTF-8, cut to 16 bytes.
 */
class KeysBytesTest {
  static final String US = "\u001f";
  static final String RS = "\u001e";
  /** June 2024 in UTC, as a key writes it: its start date, its end date (exclusive) and zone. */
  static final String JUNE = "2024-06-01" + US + "2024-07-01" + US + "Z";

  static String hashed(String prefix, String text) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return prefix + HexFormat.of().formatHex(hash, 0, 16);
  }

  static String creditText(String account, String subscription, String policy, String path) {
    return "amends-credit-v1" + US + account + US + subscription + US + JUNE + US + policy + US + path;
  }

  /** The key, computed on a thread of its own, whose buffer starts at 256 bytes. */
  static String keyOnAFreshThread(String account, String subscription, String policy, String path) throws Exception {
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      return CompletableFuture.supplyAsync(() -> Keys.key(account, subscription, JUNE_2024_UTC, policy, path), one).get();
    } finally {
      one.shutdown();
    }
  }

  @Test
  void aKeyIsTheHashOfItsTextWithTheSeparatorAndEscapeCharactersEscaped() throws Exception {
    String text = creditText("acct" + RS + "1", "sub" + US + "1", "p", RS + "r");

    assertThat(Keys.text("acct" + RS + "1", "sub" + US + "1", JUNE_2024_UTC, "p", RS + "r"))
        .isEqualTo(creditText("acct" + RS + RS + "1", "sub" + RS + US + "1", "p", RS + RS + "r"));
    assertThat(Keys.key("acct" + RS + "1", "sub" + US + "1", JUNE_2024_UTC, "p", RS + "r"))
        .isEqualTo(hashed("cr-", creditText("acct" + RS + RS + "1", "sub" + RS + US + "1", "p", RS + RS + "r")))
        .isNotEqualTo(hashed("cr-", text));
  }

  @Test
  void controlAndNonAsciiCharactersAreHashedAsTheirUtf8Bytes() throws Exception {
    // U+0001 is one byte; é two (C3 A9); U+0141 (Ł) two (C5 81), though its low byte 0x41 is an 'A'
    assertThat(Keys.key("a\u0001", "s", JUNE_2024_UTC, "p", "r")).isEqualTo(hashed("cr-", creditText("a\u0001", "s", "p", "r")));
    assertThat(Keys.key("caf\u00e9", "s", JUNE_2024_UTC, "p", "r"))
        .isEqualTo(hashed("cr-", creditText("caf\u00e9", "s", "p", "r")));
    assertThat(Keys.key("\u0141", "s", JUNE_2024_UTC, "p", "r")).isEqualTo(hashed("cr-", creditText("\u0141", "s", "p", "r")))
        .isNotEqualTo(Keys.key("A", "s", JUNE_2024_UTC, "p", "r"));
  }

  @Test
  void aTextLongerThanTheBufferHashesInFull() throws Exception {
    String a1000 = "a".repeat(1000);

    assertThat(keyOnAFreshThread(a1000, "s", "p", "r")).isEqualTo(hashed("cr-", creditText(a1000, "s", "p", "r")));
  }

  @Test
  void aSeparatorFallingJustPastTheBufferIsWritten() throws Exception {
    // 16 (tag) + 1 + 239 = 256: the subscription's separator is the 257th byte
    String a239 = "a".repeat(239);
    // 16 + 1 + 1 + 1 + 237 = 256: the period's separator is the 257th byte
    String s237 = "s".repeat(237);

    assertThat(keyOnAFreshThread(a239, "s", "p", "r")).isEqualTo(hashed("cr-", creditText(a239, "s", "p", "r")));
    assertThat(keyOnAFreshThread("a", s237, "p", "r")).isEqualTo(hashed("cr-", creditText("a", s237, "p", "r")));
  }

  @Test
  void aGrantsKeyHashesItsCampaignAccountSubscriptionAndPath() throws Exception {
    assertThat(Keys.grantKey("spring", "acct-1", "", "g"))
        .isEqualTo(hashed("gr-", "amends-grant-v1" + US + "spring" + US + "acct-1" + US + US + "g"));
  }

  @Test
  void theEnginesAdjustmentSuffixesAreRecognised() {
    assertThat(Keys.isAdjustment("top_up-after-150")).isTrue();
    assertThat(Keys.isAdjustment("clawback-after-150-5_2d")).isTrue();
    assertThat(Keys.isAdjustment("clawback-after--150-n3d")).isTrue();
    assertThat(Keys.isAdjustment("refund-after-150")).isFalse();
  }

  @Test
  void aPartStartingWithTheSeparatorIsEscaped() throws Exception {
    assertThat(Keys.key("a", US + "s", JUNE_2024_UTC, "p", "r"))
        .isEqualTo(hashed("cr-", creditText("a", RS + US + "s", "p", "r")));
  }

  @Test
  void aPeriodMetForTheFirstTimeGivesTheSameKeyAsOneMetBefore() throws Exception {
    // a new instance: the small cache of periods' texts, by identity, has not met it
    BillingPeriod june = BillingPeriod.month(YearMonth.of(2024, 6), ZoneOffset.UTC);

    assertThat(Keys.key("a", "s", june, "p", "r")).isEqualTo(hashed("cr-", creditText("a", "s", "p", "r")));
  }
}
