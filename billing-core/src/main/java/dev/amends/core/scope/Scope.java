package dev.amends.core.scope;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A place in the service hierarchy, written as a path: {@code grid}, {@code grid/cluster-2},
 * {@code grid/cluster-2/node-7}.
 *
 * <p>Outages are recorded against scopes and customers are placed on scopes. An outage on a
 * scope affects every placement at or below it: an outage on {@code grid} affects a customer
 * placed on {@code grid/cluster-2}, but an outage on {@code grid/cluster-1} does not.
 *
 * <p>Segments are non-empty and use lower-case letters, digits, {@code .}, {@code _}, {@code -}
 * and {@code :}. Upper case is refused: {@code Grid/Cluster-2} and {@code grid/cluster-2} would
 * otherwise be two scopes, and an outage recorded on one would silently miss customers placed on
 * the other. Refusing (rather than matching case-insensitively) keeps every path exactly as
 * written in outputs and keys, and makes a feed that mixes cases fail loudly at its first record
 * instead of being merged on a guess. Comparison is exact. Immutable and thread-safe.
 */
public final class Scope implements Comparable<Scope> {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._:-]+");
  /**
   * The scopes parsed so far, by path, so that a fleet's million placements on twenty thousand
   * nodes are checked and built twenty thousand times, and share their ancestors. Bounded: past
   * {@link #KNOWN_LIMIT} paths it starts afresh.
   */
  private static final ConcurrentHashMap<String, Scope> KNOWN = new ConcurrentHashMap<>();
  private static final int KNOWN_LIMIT = 1 << 16;

  private final String path;
  private final List<String> segments;
  /**
   * The path's hash, kept beside it: a measurement key hashes its placements per subscription,
   * and reading the hash here spares a read of the path's string, which is cold in memory.
   */
  private final int hash;
  /**
   * The scope one level up (null at the top) and the number of segments, kept here so that
   * {@link #covers} walks up from the other scope without reading any path: a placement's path is
   * cold in memory, its few ancestors are shared by many placements and usually are not.
   */
  private final Scope parent;
  private final int depth;
  // Computed on first use; a race computes the same immutable list twice, harmlessly. Keeping it
  // keeps the ancestors' paths (and their cached hash codes) from being rebuilt per look-up.
  private volatile List<Scope> selfAndAncestors;

  private Scope(String path, List<String> segments, Scope parent) {
    this.path = path;
    this.segments = segments;
    this.hash = path.hashCode();
    this.parent = parent;
    this.depth = segments.size();
  }

  /**
   * Parses a path such as {@code grid/cluster-2}. A path parsed before gives the same scope
   * object (a bounded cache); a path refused before is checked, and refused, again.
   *
   * @param path the path, segments separated by {@code /}, not null
   * @return the scope, not null
   * @throws InvalidInputException if a segment is empty, has another character, or has an
   *     upper-case letter
   */
  public static Scope of(String path) {
    Checks.notNull("scope", path);
    Scope known = KNOWN.get(path);
    if (known != null) {
      return known;
    }
    Scope parsed = parse(path);
    if (KNOWN.size() >= KNOWN_LIMIT) {
      KNOWN.clear();
    }
    KNOWN.putIfAbsent(path, parsed);
    return parsed;
  }

  private static Scope parse(String path) {
    String[] parts = path.split("/", -1);
    List<String> segs = new ArrayList<>(parts.length);
    for (String part : parts) {
      if (SEGMENT.matcher(part).matches() && !part.equals(part.toLowerCase(java.util.Locale.ROOT))) {
        throw InvalidInputException.of("scope",
            "must be lower case (scopes differing only in case would be different scopes); write \""
                + path.toLowerCase(java.util.Locale.ROOT) + "\"", "\"" + path + "\"");
      }
      if (!SEGMENT.matcher(part).matches()) {
        throw InvalidInputException.of(
            "scope",
            "must be segments of letters, digits, '.', '_', '-' or ':' separated by single '/'",
            "\"" + path + "\"");
      }
      segs.add(part);
    }
    // the parent through the same cache, so that placements share their ancestors
    Scope parent = segs.size() == 1 ? null : of(path.substring(0, path.lastIndexOf('/')));
    return new Scope(path, List.copyOf(segs), parent);
  }

  /** The path as written, such as {@code grid/cluster-2}. */
  public String path() {
    return path;
  }

  /** The path's segments, from the top. */
  public List<String> segments() {
    return segments;
  }

  /** The number of segments: 1 for {@code grid}. */
  public int depth() {
    return segments.size();
  }

  /** The scope one level up, empty at the top. */
  public Optional<Scope> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * True if the other scope is this one or lies below it, so that an outage on this scope
   * affects a placement on the other. {@code grid} covers {@code grid/cluster-2}; {@code grid}
   * does not cover {@code grids}.
   *
   * @param other the other scope, not null
   * @return whether this scope is the other or one of its ancestors
   */
  public boolean covers(Scope other) {
    // The other's segments begin with these exactly when its ancestor of this depth is this
    // scope: walk up to it, then compare by identity, else by hash and path.
    int up = other.depth - depth;
    if (up < 0) {
      return false;
    }
    Scope s = other;
    for (; up > 0; up--) {
      s = s.parent;
    }
    return s == this || s.hash == hash && s.path.equals(path);
  }

  /** This scope and each of its ancestors, from this one up to the top; immutable, computed once. */
  public List<Scope> selfAndAncestors() {
    List<Scope> cached = selfAndAncestors;
    if (cached == null) {
      List<Scope> out = new ArrayList<>(depth);
      for (Scope s = this; s != null; s = s.parent) {
        out.add(s);
      }
      cached = List.copyOf(out);
      selfAndAncestors = cached;
    }
    return cached;
  }


  @Override
  public int compareTo(Scope o) {
    return path.compareTo(o.path);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scope s && path.equals(s.path);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The path. */
  @Override
  public String toString() {
    return path;
  }
}
