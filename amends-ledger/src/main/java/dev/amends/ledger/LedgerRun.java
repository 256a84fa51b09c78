package dev.amends.ledger;

import dev.amends.rules.CreditLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run recording lines in a {@link CreditLedger}: made by {@link CreditLedger#startRun}, fed
 * with {@link #record}, ended by {@link #finish}. Thread-safe (calls are serialised).
 *
 * <p>A run keeps one connection from chunk to chunk, given back by {@link #finish} or {@link
 * #close}; after a failure it takes a new one on the next call. Closing a run that was not
 * finished leaves it recorded as unfinished, with every chunk it committed; running the same
 * period again completes what it left.
 */
public final class LedgerRun implements AutoCloseable {
  private final CreditLedger ledger;
  private final String id;
  private final Map<Integer, String> insertSql = new HashMap<>();
  private long recorded;
  private long chunks;
  private boolean finished;
  /** The run's connection, kept from chunk to chunk; dropped after a failure, taken again on the next call. */
  private Connection connection;

  LedgerRun(CreditLedger ledger, String id) {
    this.ledger = ledger;
    this.id = id;
  }

  /** The run's id, as {@link CreditLedger#run} finds it and each recorded line carries. */
  public String id() {
    return id;
  }

  /** Lines this run has recorded so far (lines already recorded with the same content not counted). */
  public synchronized long recorded() {
    return recorded;
  }

  /**
   * Records lines, in chunks of {@link CreditLedger#chunkSize()}, one transaction per chunk. A
   * line whose key is already recorded with the same content is skipped; with different content
   * the chunk is rolled back and a {@link LedgerConflictException} names both lines. Lines are
   * written in key order within a chunk, so two runs recording the same keys at once wait for
   * each other rather than deadlock.
   *
   * @param lines the lines, such as a decision's {@code lines()}; may be empty
   * @return how many were recorded now
   * @throws LedgerConflictException if a key is recorded with different content, or given twice
   *     with different content
   * @throws LedgerException if the database fails; the chunks committed before stay recorded
   * @throws IllegalStateException if the run is finished
   */
  public synchronized int record(List<CreditLine> lines) {
    if (finished) {
      throw new IllegalStateException("run " + id + " is finished; start another to record more lines");
    }
    int size = ledger.chunkSize();
    int now = 0;
    for (int from = 0; from < lines.size(); from += size) {
      now += recordChunk(lines.subList(from, Math.min(lines.size(), from + size)));
    }
    return now;
  }

  private int recordChunk(List<CreditLine> given) {
    // one line per key, in key order; a key given twice must say the same both times
    Map<String, CreditLine> byKey = new HashMap<>();
    List<CreditLine> chunk = new ArrayList<>(given.size());
    for (CreditLine line : given) {
      CreditLine before = byKey.putIfAbsent(line.key(), line);
      if (before == null) {
        chunk.add(line);
      } else if (!before.equals(line)) {
        throw new LedgerException("credit line " + line.key() + " is given twice with different content: "
            + before.describe() + " and " + line.describe() + "; nothing of this chunk was recorded");
      }
    }
    chunk.sort(Comparator.comparing(CreditLine::key));
    Instant now = Instant.now();
    try {
      Connection c = connection();
      try {
        Set<String> inserted = insert(c, chunk, now);
        if (inserted.size() < chunk.size()) {
          checkSame(c, chunk, inserted);
        }
        c.commit();
        recorded += inserted.size();
        chunks++;
        return inserted.size();
      } catch (SQLException e) {
        drop(e);
        throw e;
      } catch (RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new LedgerException("recording credit lines failed in chunk " + (chunks + 1) + " of run " + id
          + " (" + chunk.size() + " lines from " + chunk.getFirst().key() + "); nothing of that chunk was recorded, the "
          + recorded + " lines of the " + chunks + " chunks before it were: " + e.getMessage(), e);
    }
  }

  private Set<String> insert(Connection c, List<CreditLine> chunk, Instant now) throws SQLException {
    String sql = insertSql.computeIfAbsent(chunk.size(), n -> {
      StringBuilder sb = new StringBuilder("INSERT INTO amends_credit_line (" + CreditLedger.COLUMNS + ") VALUES ");
      String row = "(" + CreditLedger.placeholders(CreditLedger.COLUMN_COUNT) + ")";
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? "" : ", ").append(row);
      }
      return sb.append(" ON CONFLICT (line_key) DO NOTHING RETURNING line_key").toString();
    });
    Set<String> inserted = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < chunk.size(); i++) {
        ledger.bind(ps, 1 + i * CreditLedger.COLUMN_COUNT, chunk.get(i), id, now);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getString(1));
        }
      }
    }
    return inserted;
  }

  /** The lines not inserted are recorded already: with the same content, or it is a conflict. */
  private void checkSame(Connection c, List<CreditLine> chunk, Set<String> inserted) throws SQLException {
    Map<String, CreditLine> rest = new HashMap<>();
    for (CreditLine line : chunk) {
      if (!inserted.contains(line.key())) {
        rest.put(line.key(), line);
      }
    }
    String sql = "SELECT " + CreditLedger.COLUMNS + " FROM amends_credit_line WHERE line_key IN ("
        + CreditLedger.placeholders(rest.size()) + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (String key : rest.keySet()) {
        ps.setString(i++, key);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          RecordedLine there = ledger.line(rs);
          CreditLine line = rest.remove(there.key());
          if (line != null && !there.sameCreditAs(line)) {
            throw new LedgerConflictException(there, line);
          }
        }
      }
    }
    if (!rest.isEmpty()) {
      throw new LedgerException("credit lines " + rest.keySet() + " were neither recorded nor found in the ledger");
    }
  }

  /** The run's connection, in a transaction; taken from the ledger when there is none. */
  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection c = ledger.connection();
      try {
        c.setAutoCommit(false);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      connection = c;
    }
    return connection;
  }

  /** After a failure: the connection may be broken; roll back what can be, and close it. */
  private void drop(Exception e) {
    if (connection != null) {
      rollbackQuietly(connection, e);
      try {
        connection.close();
      } catch (SQLException c) {
        e.addSuppressed(c);
      }
      connection = null;
    }
  }

  private static void rollbackQuietly(Connection c, Exception e) {
    try {
      c.rollback();
    } catch (SQLException r) {
      e.addSuppressed(r);
    }
  }

  /**
   * Records the run's end: now, its counts, and the lines it recorded.
   *
   * @throws LedgerException if the database fails
   * @throws IllegalStateException if the run is already finished
   */
  public synchronized void finish(RunCounts counts) {
    if (finished) {
      throw new IllegalStateException("run " + id + " is already finished");
    }
    try {
      Connection c = connection();
      try (PreparedStatement ps = c.prepareStatement("UPDATE amends_ledger_run SET finished_at = ?, accounts_read = ?, "
          + "decided = ?, rejected = ?, issued = ? WHERE run_id = ? AND finished_at IS NULL")) {
        ledger.dialect().bind(ps, 1, Instant.now());
        ps.setLong(2, counts.read());
        ps.setLong(3, counts.decided());
        ps.setLong(4, counts.rejected());
        ps.setLong(5, recorded);
        ps.setString(6, id);
        int updated = ps.executeUpdate();
        c.commit();
        if (updated != 1) {
          throw new LedgerException("run " + id + " is not in the ledger, or already finished");
        }
      }
    } catch (SQLException e) {
      drop(e);
      throw new LedgerException("cannot record the end of run " + id + ": " + e.getMessage(), e);
    }
    finished = true;
    close();
  }

  /** Ends the run and gives its connection back; one not {@link #finish finished} stays recorded as unfinished. */
  @Override
  public synchronized void close() {
    finished = true;
    if (connection != null) {
      try {
        connection.rollback();
        connection.close();
      } catch (SQLException e) {
        // nothing uncommitted is lost: every chunk was committed or rolled back already
      } finally {
        connection = null;
      }
    }
  }
}
