package dev.amends.core.measure;

import dev.amends.core.outage.Outage;
import java.util.ArrayList;
import java.util.List;

/** For the measurement properties: generated records given distinct ids, {@code O-0}, {@code O-1}, … in their order. */
final class NumberedOutages {
  private NumberedOutages() {}

  static List<Outage> numbered(List<Outage> records) {
    List<Outage> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      out.add(Outage.builder().from(records.get(i)).id("O-" + i).build());
    }
    return out;
  }
}
