package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Lines of UTF-8 bytes ({@link LineSource#of(java.io.InputStream, int)}) are the strict decoder's
 * text, ASCII and not: a line that is ASCII only takes a shorter way, and must give the same
 * characters; a line that is not UTF-8 is a problem either way.
 */
class LineSourceBytesPropertiesTest {
  @Property(tries = 500)
  void everyLineIsWhatTheStrictDecoderReads(@ForAll("lines") List<byte[]> lines) throws IOException {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes("{}\n".getBytes(StandardCharsets.US_ASCII)); // a first line that says UTF-8
    for (byte[] l : lines) {
      in.writeBytes(l);
      in.write('\n');
    }
    List<String> read = new ArrayList<>();
    try (LineSource source = LineSource.of(new ByteArrayInputStream(in.toByteArray()), 1 << 20)) {
      LineSource.Line line = source.next();
      assertThat(line.text()).isEqualTo("{}");
      while ((line = source.next()) != null) {
        read.add(line.problem() == null ? line.text() : "problem: " + line.problem().message());
      }
    }

    assertThat(read).containsExactlyElementsOf(lines.stream().map(LineSourceBytesPropertiesTest::strictly).toList());
  }

  private static String strictly(byte[] line) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
    } catch (CharacterCodingException e) {
      return "problem: is not valid UTF-8";
    }
  }

  /** Lines without line ends: mostly ASCII, some with any other byte (valid UTF-8 or not). */
  @Provide
  Arbitrary<List<byte[]>> lines() {
    Arbitrary<Byte> ascii = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7e);
    Arbitrary<Byte> any = Arbitraries.bytes().filter(b -> b != '\n' && b != '\r');
    Arbitrary<byte[]> asciiLine = ascii.array(byte[].class).ofMaxSize(40);
    Arbitrary<byte[]> anyLine = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, ascii), net.jqwik.api.Tuple.of(1, any)).array(byte[].class).ofMaxSize(40);
    Arbitrary<byte[]> utf8Line = Arbitraries.strings().ofMaxLength(20).filter(s -> s.indexOf('\n') < 0 && s.indexOf('\r') < 0)
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(asciiLine, anyLine, utf8Line).list().ofMaxSize(8);
  }
}
