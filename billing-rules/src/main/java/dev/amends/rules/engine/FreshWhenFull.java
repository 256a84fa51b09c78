package dev.amends.rules.engine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe map bounded by starting afresh: once it holds {@code capacity} entries, the next
 * new entry empties it first, so memory stays bounded however long it lives, and what is kept is
 * what is used now. For the engine's caches of values that are the same whoever computes them
 * (two threads may compute one at once; the first put is kept), so a look-up that misses only
 * costs the computing again.
 */
final class FreshWhenFull<K, V> {
  private final ConcurrentHashMap<K, V> map;
  private final int capacity;

  /**
   * @param capacity the most entries kept
   * @param presized whether the table is made for {@code capacity} entries from the start (for a
   *     cache that will fill: a map grown from the default size copies itself at each doubling)
   */
  FreshWhenFull(int capacity, boolean presized) {
    this.capacity = capacity;
    this.map = presized ? new ConcurrentHashMap<>(capacity) : new ConcurrentHashMap<>();
  }

  /** The value kept for {@code key}, or null. */
  V get(K key) {
    return map.get(key);
  }

  /** Keeps {@code value} for {@code key} unless one is kept already, emptying the map first when full. */
  void put(K key, V value) {
    if (map.size() >= capacity) {
      map.clear();
    }
    map.putIfAbsent(key, value);
  }

  /** How many entries are kept now. */
  int size() {
    return map.size();
  }
}
