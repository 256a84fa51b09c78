/**
 * Amends' issued-credit ledger: the credit lines a run decided, recorded exactly once in a
 * database (PostgreSQL, or an embedded SQLite file), and read back for reconciliation.
 *
 * <p>{@code @SuppressWarnings}: Flyway's jars are automatic modules named after their files.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.amends.ledger {
  requires transitive dev.amends.rules;
  requires transitive java.sql;
  requires flyway.core;
  requires org.xerial.sqlitejdbc;

  exports dev.amends.ledger;
}
