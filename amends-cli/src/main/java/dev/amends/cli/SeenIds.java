package dev.amends.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The account ids met so far in a file, each with the line it was first met on: exact (ids are
 * compared in full, never by hash alone) and compact, since {@code credit} remembers every id of
 * a fleet of a million accounts. Ids are kept as UTF-8 bytes in one growing array, found through
 * an open-addressing table of their positions: about 30 bytes an id of ten characters, against
 * about 100 for a {@code HashMap<String, Long>}.
 *
 * <p>Not thread-safe.
 */
final class SeenIds {
  private byte[] bytes = new byte[1 << 12];
  private int used;
  /** Where id {@code i} starts in {@link #bytes}; it ends where id {@code i + 1} starts. */
  private int[] starts = new int[1 << 8];
  private long[] lines = new long[1 << 8];
  private int count;
  /** Id number + 1 at each slot; 0 is empty. Never more than half full. */
  private int[] table = new int[1 << 9];

  /**
   * Remembers an id met on a line.
   *
   * @return 0 if it is new; otherwise the line it was first met on (from 1)
   */
  long add(String id, long line) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    int mask = table.length - 1;
    for (int slot = spread(Arrays.hashCode(b)) & mask; ; slot = (slot + 1) & mask) {
      int e = table[slot];
      if (e == 0) {
        table[slot] = append(b, line) + 1;
        if (count * 2 > table.length) {
          rehash();
        }
        return 0;
      }
      if (same(e - 1, b)) {
        return lines[e - 1];
      }
    }
  }

  /** How many distinct ids were added. */
  int size() {
    return count;
  }

  private boolean same(int i, byte[] b) {
    int start = starts[i];
    int end = i + 1 < count ? starts[i + 1] : used;
    return Arrays.equals(bytes, start, end, b, 0, b.length);
  }

  private int append(byte[] b, long line) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      lines = Arrays.copyOf(lines, count * 2);
    }
    if (bytes.length - used < b.length) {
      long size = Math.max((long) bytes.length * 2, (long) used + b.length);
      if (size > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("more than 2 GB of account ids");
      }
      bytes = Arrays.copyOf(bytes, (int) size);
    }
    System.arraycopy(b, 0, bytes, used, b.length);
    starts[count] = used;
    lines[count] = line;
    used += b.length;
    return count++;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int i = 0; i < count; i++) {
      int end = i + 1 < count ? starts[i + 1] : used;
      int slot = spread(hash(starts[i], end)) & mask;
      while (bigger[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = i + 1;
    }
    table = bigger;
  }

  /** As {@link Arrays#hashCode(byte[])} of the bytes from start to end. */
  private int hash(int start, int end) {
    int h = 1;
    for (int i = start; i < end; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
