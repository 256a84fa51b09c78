package dev.amends.examples.accountcenter;

import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.rules.json.RecordFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every outage AccountCenter was told of, by id, in its own table next to the ledger's. A
 * decision needs all outages of the period, not only the incident just closed: deciding with the
 * new one alone would reconcile the earlier incidents' credits away as clawbacks. An outage posted
 * again with the same id replaces the stored one (a corrected record); reconciliation then gives
 * the top-up or clawback.
 *
 * <p>Stored as the outage record format's own JSON line, so the table needs no schema of its own
 * beyond an id and a text; the same SQL on PostgreSQL and SQLite.
 */
@Component
class OutageStore {
  private final JdbcTemplate jdbc;

  OutageStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    jdbc.execute("CREATE TABLE IF NOT EXISTS accountcenter_outage (outage_id VARCHAR(200) PRIMARY KEY, "
        + "record TEXT NOT NULL)");
  }

  /** Stores the outages, replacing those with the same ids. */
  void save(List<Outage> outages) {
    jdbc.batchUpdate("INSERT INTO accountcenter_outage (outage_id, record) VALUES (?, ?) "
            + "ON CONFLICT (outage_id) DO UPDATE SET record = excluded.record",
        outages.stream().map(o -> new Object[] {o.id(), RecordFormat.OUTAGES.toLine(o)}).toList());
  }

  /** Every outage stored. */
  OutageLog all() {
    return OutageLog.of(jdbc.query("SELECT record FROM accountcenter_outage ORDER BY outage_id",
        (rs, n) -> RecordFormat.OUTAGES.fromLine(rs.getString(1))));
  }
}
