package dev.amends.spark;

import dev.amends.core.AmendsException;
import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.account.Subscription;
import dev.amends.core.scope.Scope;
import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.LiabilitySummary;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.JsonDocumentException;
import dev.amends.rules.json.JsonProblem;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.joda.money.Money;

/**
 * Decides one partition of {@link SparkSchemas#INPUT} rows through the batch API on the task's
 * thread, giving one {@link SparkSchemas#RESULTS} row per input row. The engine comes from {@link
 * ExecutorEngines}; nothing per account is Java-serialised: accounts come in as JSON text and go
 * out as rows.
 */
final class PartitionDecider implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** A test's hook, called before each input row with the rows taken so far in the task; null in use. */
  static volatile TaskHook hook;

  /** What a test may do before each row: throw, to fail the task. */
  interface TaskHook {
    void beforeRow(TaskContext task, long rowsTaken);
  }

  private final Broadcast<JobInputs> inputs;
  private final Broadcast<DuplicateIds> duplicates;

  PartitionDecider(Broadcast<JobInputs> inputs, Broadcast<DuplicateIds> duplicates) {
    this.inputs = inputs;
    this.duplicates = duplicates;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    JobInputs in = inputs.value();
    return new Results(rows, ExecutorEngines.of(in), in.period(), duplicates.value());
  }

  /** Where an account came from, and the account, while its request is in the batch. */
  private record Pending(String source, Long line, Account account) {}

  /** The partition's results: rows rejected on the way in, then the batch's, interleaved. */
  private static final class Results implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final ExecutorEngines.Prepared prepared;
    private final String period;
    private final DuplicateIds duplicates;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private final Map<Long, Pending> inFlight = new HashMap<>();
    private final Iterator<BatchResult> batch;
    private long taken;
    private long index;

    Results(Iterator<Row> rows, ExecutorEngines.Prepared prepared, String period, DuplicateIds duplicates) {
      this.rows = rows;
      this.prepared = prepared;
      this.period = period;
      this.duplicates = duplicates;
      this.batch = prepared.engine().decideAll(new Requests(), BatchOptions.defaults().threads(1));
    }

    @Override
    public boolean hasNext() {
      return !ready.isEmpty() || batch.hasNext() || !ready.isEmpty();
    }

    @Override
    public Row next() {
      if (ready.isEmpty()) {
        if (!batch.hasNext() && ready.isEmpty()) {
          throw new NoSuchElementException();
        }
        if (ready.isEmpty()) {
          BatchResult r = batch.next();
          Pending p = inFlight.remove(r.index());
          ready.add(switch (r) {
            case BatchResult.Decided d -> decided(p, d.decision());
            case BatchResult.Rejected j -> rejection("decide", p.source(), p.line(), j.accountId().orElse(null),
                List.of(), j.cause() instanceof InvalidInputException e ? e.field() : null, j.isBug(),
                "account " + j.accountId().orElse("?") + ": " + j.reason());
          });
        }
      }
      return ready.poll();
    }

    /** The requests of the partition's good rows; the others go to {@link #ready} as they are met. */
    private final class Requests implements Iterator<DecisionRequest> {
      private DecisionRequest next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          TaskHook h = hook;
          if (h != null) {
            h.beforeRow(TaskContext.get(), taken);
          }
          taken++;
          take(rows.next());
        }
        return next != null;
      }

      @Override
      public DecisionRequest next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        DecisionRequest r = next;
        next = null;
        return r;
      }

      private void take(Row row) {
        String source = row.getString(0);
        Long line = row.isNullAt(1) ? null : row.getLong(1);
        String json = row.getString(3);
        if (json == null) { // rejected when read: passed through
          ready.add(rejection("read", source, line, row.getString(2), row.getList(4), null, false, row.getString(5)));
          return;
        }
        Account account;
        try (RecordReader<Account> reader = RecordFormat.ACCOUNTS.reader(new StringReader(json), "row")) {
          RecordLine<Account> read = reader.hasNext() ? reader.next() : null;
          if (!(read instanceof RecordLine.Accepted<Account> a)) {
            List<JsonProblem> problems = read instanceof RecordLine.Rejected<Account> r
                ? r.problem().problems()
                : List.of(new JsonProblem("", "(line)", "is blank"));
            String subject = source == null ? "accounts row" + (row.isNullAt(2) ? "" : " " + row.getString(2))
                : source + " line " + line;
            JsonDocumentException e = new JsonDocumentException(subject, problems);
            ready.add(rejection("read", source, line, row.getString(2), problemRows(problems), null, false,
                e.getMessage()));
            return;
          }
          account = a.record();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        DuplicateIds.First first = duplicates.earlier(account.id(), source, row.getLong(6));
        if (first != null) { // as amends credit: a duplicate is refused before its request is made
          String value = "\"" + account.id() + "\"";
          ready.add(rejection("duplicate", source, line, account.id(),
              problemRows(List.of(new JsonProblem("/id", value, DuplicateIds.problem(source, first)))), null, false,
              DuplicateIds.message(account.id(), source, line, first)));
          return;
        }
        try {
          next = prepared.request(account);
        } catch (AmendsException e) {
          ready.add(rejection("request", source, line, account.id(), List.of(),
              e instanceof InvalidInputException i ? i.field() : null, false,
              "account " + account.id() + ": " + e.getMessage()));
          return;
        }
        inFlight.put(index++, new Pending(source, line, account));
      }
    }

    private Row decided(Pending p, CreditDecision d) {
      List<Row> lines = new ArrayList<>(d.lines().size());
      String subscriptionId = null;
      String plan = null;
      String scope = null;
      for (CreditLine l : d.lines()) {
        if (!l.subscriptionId().equals(subscriptionId)) {
          subscriptionId = l.subscriptionId();
          Subscription s = subscription(p.account(), subscriptionId);
          plan = s == null ? LiabilitySummary.UNKNOWN : s.plan();
          scope = s == null ? LiabilitySummary.UNKNOWN : scope(s);
        }
        Money amount = l.amount();
        lines.add(RowFactory.create(l.key(), l.kind().name(), amount.getAmount().toPlainString(),
            amount.getCurrencyUnit().getCode(), l.days().map(Object::toString).orElse(null),
            l.extendsTermTo().map(Object::toString).orElse(null), l.subscriptionId(), plan, scope, l.policyId(),
            l.policyVersion(), l.policyDigest(), l.rulePath(), Rows.seq(l.outageIds()), l.reason()));
      }
      List<Row> totals = d.totals().values().stream()
          .sorted(Comparator.comparing(m -> m.getCurrencyUnit().getCode()))
          .map(m -> RowFactory.create(m.getAmount().toPlainString(), m.getCurrencyUnit().getCode()))
          .toList();
      List<String> flags = d.flags().stream().sorted().map(Enum::name).toList();
      Row decision = RowFactory.create(period, d.accountId(), d.period().startDate().toString(),
          d.period().endDate().toString(), d.period().zone().getId(), d.evaluatedAt().toString(), Rows.seq(lines),
          Rows.seq(totals), Rows.seq(flags), Rows.seq(d.warnings()), p.source(), p.line(), DecisionJson.toLine(d));
      return RowFactory.create(decision, null);
    }

    private Row rejection(String stage, String source, Long line, String accountId, List<Row> problems,
        String field, boolean bug, String message) {
      Row r = RowFactory.create(period, stage, source, line, accountId, Rows.seq(problems), field, bug, message);
      return RowFactory.create(null, r);
    }
  }

  static List<Row> problemRows(List<JsonProblem> problems) {
    return problems.stream().map(p -> RowFactory.create(p.pointer(), p.value(), p.message())).toList();
  }

  private static Subscription subscription(Account account, String id) {
    for (Subscription s : account.subscriptions()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  /** As {@link LiabilitySummary} labels it: the placements, sorted, joined with {@code " + "}. */
  private static String scope(Subscription s) {
    return s.placements().stream().map(Scope::toString).sorted().collect(Collectors.joining(" + "));
  }
}
