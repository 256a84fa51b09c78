package dev.amends.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How a {@code credit} run went, printed on standard error after the summary: the time from the
 * start of the command to the end of the output, accounts (non-blank lines of the accounts file)
 * per second of it, how long the policy took to load (reading, checking and building it; in a
 * fresh JVM this includes loading Jackson's classes) and the whole setup (policy and the other
 * files), and the peak heap used.
 *
 * <p>The peak heap is the largest heap in use just before any garbage collection of the run (the
 * sum over heap pools of {@code GcInfo.getMemoryUsageBeforeGc()}, from the collectors'
 * notifications), or the heap in use at the end if larger: the live and not yet collected objects
 * together, the figure {@code -Xmx} bounds. It is not the process's resident memory.
 */
final class RunStats implements AutoCloseable {
  private final long start = System.nanoTime();
  private final AtomicLong peak = new AtomicLong();
  /** The names of the heap's memory pools, looked up once. */
  private final java.util.Set<String> heapPools = heapPools();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;
  private long policyNanos = -1;
  private long setupNanos = -1;

  RunStats() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        emitters.add(e);
      }
    }
  }

  private void collected(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long used = 0;
    for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (isHeap(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    peak.accumulateAndGet(used, Math::max);
  }

  private boolean isHeap(String pool) {
    return heapPools.contains(pool);
  }

  private static java.util.Set<String> heapPools() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        names.add(p.getName());
      }
    }
    return java.util.Set.copyOf(names);
  }

  /** The policy was loaded in this long. */
  void policyLoaded(long nanos) {
    policyNanos = nanos;
  }

  /** The engine (policy, outages and the other files) was ready now. */
  void setupDone() {
    setupNanos = System.nanoTime() - start;
  }

  /** Prints the figures, for {@code accounts} accounts read. */
  void print(PrintWriter err, long accounts) {
    long nanos = System.nanoTime() - start;
    MemoryUsage now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long peakBytes = Math.max(peak.get(), now.getUsed());
    err.println("Run");
    row(err, "elapsed", String.format(Locale.ROOT, "%.2f s", nanos / 1e9));
    row(err, "accounts per second", String.format(Locale.ROOT, "%,d", nanos == 0 ? 0 : accounts * 1_000_000_000L / nanos));
    if (policyNanos >= 0) {
      row(err, "policy load", String.format(Locale.ROOT, "%.1f ms", policyNanos / 1e6));
    }
    if (setupNanos >= 0) {
      row(err, "setup (policy and record files)", String.format(Locale.ROOT, "%.1f ms", setupNanos / 1e6));
    }
    long maxHeap = Runtime.getRuntime().maxMemory(); // what -Xmx allows, as far as the collector can use it
    String max = maxHeap == Long.MAX_VALUE ? "" : String.format(Locale.ROOT, " (heap max %d MB)", maxHeap >> 20);
    row(err, "peak heap used", String.format(Locale.ROOT, "%d MB%s", peakBytes >> 20, max));
  }

  private static void row(PrintWriter err, String label, String value) {
    err.println(String.format(Locale.ROOT, "%-44s %16s", "  " + label, value));
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // never added
      }
    }
  }
}
