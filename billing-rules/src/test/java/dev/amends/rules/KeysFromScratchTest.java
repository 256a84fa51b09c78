package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.engine.Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A key is {@code cr-} and the first 16 bytes of the SHA-256 of its text, whichever way the engine
 * gets there (bytes written straight into a kept buffer for plain ASCII parts, the text encoded
 * otherwise).
 */
class KeysFromScratchTest {
  private static final BillingPeriod MARCH_NEW_YORK = BillingPeriod.month(YearMonth.of(2026, 3), ZoneId.of("America/New_York"));

  @Property(tries = 2000)
  void aKeyIsTheHashOfItsTextComputedFromScratch(@ForAll("part") String account, @ForAll("part") String subscription,
      @ForAll("part") String policy, @ForAll("part") String path) throws NoSuchAlgorithmException {
    String key = Keys.key(account, subscription, MARCH_NEW_YORK, policy, path);
    assertThat(key).isEqualTo(fromScratch(Keys.text(account, subscription, MARCH_NEW_YORK, policy, path)));
    // and again on the same thread, after a key of other parts: nothing is left over from the last one
    Keys.key("x", "y", MARCH_NEW_YORK, "z", "w" + path + path);
    assertThat(Keys.key(account, subscription, MARCH_NEW_YORK, policy, path)).isEqualTo(key);
  }

  @Test
  void aKnownKeyIsUnchanged() {
    // SHA-256 of "amends-credit-v1|acct-1|sub-1|2026-03-01|2026-04-01|America/New_York|grid-sla|sla"
    // with U+001F for each |, its first 16 bytes in hex (computed outside Java, with Python's hashlib)
    assertThat(Keys.key("acct-1", "sub-1", MARCH_NEW_YORK, "grid-sla", "sla")).isEqualTo("cr-667c2fb352c522ee81cf30f197ba85ba");
  }

  @Test
  void aLongPartGrowsTheBuffer() throws NoSuchAlgorithmException {
    String path = "sla/" + "a".repeat(5_000);
    assertThat(Keys.key("acct-1", "sub-1", MARCH_NEW_YORK, "grid-sla", path))
        .isEqualTo(fromScratch(Keys.text("acct-1", "sub-1", MARCH_NEW_YORK, "grid-sla", path)));
  }

  @Provide
  Arbitrary<String> part() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20),
        Arbitraries.strings().withChars('a', '\u001e', '\u001f', '\u007f', 'é', '€', '\ud83d', '\ude00').ofMaxLength(10),
        Arbitraries.strings().all().ofMaxLength(10));
  }

  private static String fromScratch(String text) throws NoSuchAlgorithmException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "cr-" + HexFormat.of().formatHex(hash, 0, 16);
  }
}
