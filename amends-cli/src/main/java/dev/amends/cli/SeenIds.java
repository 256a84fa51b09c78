package dev.amends.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The account ids met so far in a file, each with the line it was first met on: exact (ids are
 * compared in full, never by hash alone) and compact, since {@code credit} remembers every id of
 * a fleet of a million accounts. Ids are kept as UTF-8 bytes in one growing array, found through
 * an open-addressing table that holds each id's hash beside its number: about 38 bytes an id of
 * ten characters, against about 100 for a {@code HashMap<String, Long>}. A look-up reads only the
 * table until a hash matches, so a new id (nearly every one) costs one probe sequence and no
 * comparison of bytes, and growing the table never hashes an id again.
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
  /**
   * At each slot, the id's {@link String#hashCode()} in the high half and its number + 1 in the
   * low half; 0 is empty (a number + 1 is never 0). Never more than half full.
   */
  private long[] table = new long[1 << 9];

  /**
   * Remembers an id met on a line.
   *
   * @return 0 if it is new; otherwise the line it was first met on (from 1)
   */
  long add(String id, long line) {
    int hash = id.hashCode();
    int mask = table.length - 1;
    byte[] b = null;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      long e = table[slot];
      if (e == 0) {
        table[slot] = entry(hash, append(b == null ? id.getBytes(StandardCharsets.UTF_8) : b, line));
        if (count * 2 > table.length) {
          rehash();
        }
        return 0;
      }
      if ((int) (e >>> 32) == hash) {
        b = b == null ? id.getBytes(StandardCharsets.UTF_8) : b;
        int i = (int) e - 1;
        if (same(i, b)) {
          return lines[i];
        }
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
    long[] bigger = new long[table.length * 2];
    int mask = bigger.length - 1;
    for (long e : table) {
      if (e != 0) {
        int slot = spread((int) (e >>> 32)) & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = e;
      }
    }
    table = bigger;
  }

  private static long entry(int hash, int number) {
    return (long) hash << 32 | (number + 1L);
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
