/**
 * The issued-credit ledger: {@link dev.amends.ledger.CreditLedger} records the credit lines of
 * decisions exactly once, append-only and idempotent by key, with the runs that recorded them, and
 * reads them back as the {@link dev.amends.rules.IssuedCredit}s reconciliation takes.
 *
 * <pre>{@code
 * CreditLedger ledger = new CreditLedger(dataSource);            // migrates the schema
 * Map<String, List<IssuedCredit>> issued = ledger.issued(accountIds, YearMonth.of(2007, 12));
 * // ... decide each account with its issued credits: only differences come out ...
 * try (LedgerRun run = ledger.startRun(List.of(policy.digest()), List.of())) {
 *   run.record(decision.lines());                                 // one transaction per chunk
 *   run.finish(new RunCounts(read, decided, rejected));
 * }
 * }</pre>
 */
package dev.amends.ledger;
