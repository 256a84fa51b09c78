package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link LineSource} takes a run of bytes or characters at a time from its buffer: whatever sizes
 * the input arrives in (one unit, a few, a line's end at a read's edge) and whatever the limit,
 * every line is what splitting the whole input one unit at a time gives: the text without its
 * {@code \r}, or "is longer than", or "is not valid UTF-8". The model below is that unit-at-a-time
 * reading, written out plainly.
 */
class LineSourceChunksPropertiesTest {
  @Property(tries = 400)
  void bytesInAnyChunksSplitAsOneByteAtATime(@ForAll("content") byte[] content, @ForAll @IntRange(min = 2, max = 12) int maxLength,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 9) Integer> chunks) throws IOException {
    byte[] input = withFirstLine(content);
    List<String> read = new ArrayList<>();
    try (LineSource source = LineSource.of(new Chunked(input, chunks), maxLength)) {
      LineSource.Line line;
      while ((line = source.next()) != null) {
        read.add(line.number() + " " + (line.problem() == null ? line.text() : "problem: " + line.problem().message()));
      }
    }

    assertThat(read).containsExactlyElementsOf(bytesModel(input, maxLength));
  }

  @Property(tries = 400)
  void charactersInAnyChunksSplitAsOneCharacterAtATime(@ForAll("content") byte[] content,
      @ForAll @IntRange(min = 2, max = 12) int maxLength,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 9) Integer> chunks) throws IOException {
    String input = new String(withFirstLine(content), StandardCharsets.ISO_8859_1);
    List<String> read = new ArrayList<>();
    try (LineSource source = LineSource.of(new ChunkedChars(input, chunks), maxLength)) {
      LineSource.Line line;
      while ((line = source.next()) != null) {
        read.add(line.number() + " " + (line.problem() == null ? line.text() : "problem: " + line.problem().message()));
      }
    }

    assertThat(read).containsExactlyElementsOf(charsModel(input, maxLength));
  }

  /** A first line {@code {}} that says UTF-8 (no NUL, no byte-order mark), then the content. */
  private static byte[] withFirstLine(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{}\n".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** Splitting at every {@code \n}; a last line without one counts if it is not empty. */
  private static List<String> pieces(String all) {
    List<String> out = new ArrayList<>(List.of(all.split("\n", -1)));
    if (out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static List<String> bytesModel(byte[] input, int maxLength) {
    List<String> out = new ArrayList<>();
    long number = 0;
    for (String piece : pieces(new String(input, StandardCharsets.ISO_8859_1))) {
      number++;
      byte[] bytes = piece.getBytes(StandardCharsets.ISO_8859_1);
      String said;
      if (bytes.length > 4L * maxLength + 2) { // one byte at a time kept at most 4 × limit + 2
        said = "problem: is longer than " + maxLength + " characters";
      } else {
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
          String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end)).toString();
          said = text.length() > maxLength ? "problem: is longer than " + maxLength + " characters" : text;
        } catch (CharacterCodingException e) {
          said = "problem: is not valid UTF-8";
        }
      }
      out.add(number + " " + said);
    }
    return out;
  }

  private static List<String> charsModel(String input, int maxLength) {
    List<String> out = new ArrayList<>();
    long number = 0;
    for (String piece : pieces(input)) {
      number++;
      String text = piece.endsWith("\r") ? piece.substring(0, piece.length() - 1) : piece;
      boolean tooLong = piece.length() > maxLength + 1 || text.length() > maxLength; // kept at most limit + 1
      out.add(number + " " + (tooLong ? "problem: is longer than " + maxLength + " characters" : text));
    }
    return out;
  }

  /** Lines of ASCII, {@code \r}, and now and then any other byte, of lengths around the limits. */
  @Provide
  Arbitrary<byte[]> content() {
    Arbitrary<Byte> ascii = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7e);
    Arbitrary<Byte> any = Arbitraries.bytes().filter(b -> b != 0);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, ascii),
        net.jqwik.api.Tuple.of(3, Arbitraries.just((byte) '\n')),
        net.jqwik.api.Tuple.of(1, Arbitraries.just((byte) '\r')),
        net.jqwik.api.Tuple.of(2, any)).array(byte[].class).ofMaxSize(120);
  }

  /** Gives the bytes in reads of the sizes given, over and over. */
  private static final class Chunked extends InputStream {
    private final byte[] bytes;
    private final List<Integer> sizes;
    private int pos;
    private int reads;

    Chunked(byte[] bytes, List<Integer> sizes) {
      this.bytes = bytes;
      this.sizes = sizes;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, sizes.get(reads++ % sizes.size())), bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  /** Gives the characters in reads of the sizes given, over and over. */
  private static final class ChunkedChars extends Reader {
    private final String chars;
    private final List<Integer> sizes;
    private int pos;
    private int reads;

    ChunkedChars(String chars, List<Integer> sizes) {
      this.chars = chars;
      this.sizes = sizes;
    }

    @Override
    public int read(char[] b, int off, int len) {
      if (pos == chars.length()) {
        return -1;
      }
      int n = Math.min(Math.min(len, sizes.get(reads++ % sizes.size())), chars.length() - pos);
      chars.getChars(pos, pos + n, b, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
