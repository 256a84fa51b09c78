package dev.amends.rules.json;

import dev.amends.core.internal.Checks;

/**
 * One line of an NDJSON record stream, read: the record, or why the line was rejected. Blank lines
 * give nothing.
 *
 * <pre>{@code
 * switch (line) {
 *   case RecordLine.Accepted<Outage> a -> log.add(a.record());
 *   case RecordLine.Rejected<Outage> r -> errors.println(r.problem().getMessage());
 * }
 * }</pre>
 *
 * @param <T> the record type
 */
public sealed interface RecordLine<T> {
  /** The line's number in its stream, from 1; blank lines are counted. */
  long lineNumber();

  /**
   * A line read into a record.
   *
   * @param lineNumber the line's number, from 1
   * @param record the record, not null
   * @param <T> the record type
   */
  record Accepted<T>(long lineNumber, T record) implements RecordLine<T> {
    /** Checks the record is there. */
    public Accepted {
      Checks.notNull("record", record);
    }
  }

  /**
   * A line that could not be read: not JSON, not a record, or a record the core rejects. The
   * exception's subject is the source and line ({@code accounts.ndjson line 17}) and its problems
   * carry the JSON Pointer, the value and what is wrong.
   *
   * @param lineNumber the line's number, from 1
   * @param problem every problem found on the line, not null
   * @param <T> the record type
   */
  record Rejected<T>(long lineNumber, JsonDocumentException problem) implements RecordLine<T> {
    /** Checks the problem is there. */
    public Rejected {
      Checks.notNull("problem", problem);
    }
  }
}
