package dev.amends.cli;

import dev.amends.ledger.CreditLedger;
import dev.amends.ledger.fixtures.TestPostgres;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.json.AccountRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.Money;

/**
 * The ledgers the CLI tests run against: an SQLite file, or a new schema of the PostgreSQL server
 * {@code AMENDS_PG_URL} names (see amends-ledger's {@link TestPostgres}: skipped without it, saying
 * so; failed instead when {@code AMENDS_PG_REQUIRED=true}, as in CI).
 */
final class LedgerTargets {
  static final YearMonth DECEMBER = YearMonth.of(2007, 12);

  private LedgerTargets() {}

  /** Where a ledger is: what {@code --ledger} is given, and how the test opens it. */
  record Target(String argument, String user, String password) {
    /** The environment a child process needs for the credentials. */
    Map<String, String> environment() {
      Map<String, String> env = new HashMap<>();
      if (user != null) {
        env.put(LedgerOptions.USER_VARIABLE, user);
        env.put(LedgerOptions.PASSWORD_VARIABLE, password);
      }
      return env;
    }

    CreditLedger open() {
      return argument.startsWith("jdbc:") ? CreditLedger.jdbc(argument, user, password)
          : CreditLedger.sqlite(Path.of(argument));
    }

    /** Rows in the ledger's line table, 0 before it exists: cheap enough to poll. */
    long count() {
      String url = argument.startsWith("jdbc:") ? argument : "jdbc:sqlite:" + argument;
      try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM amends_credit_line")) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        return 0;
      }
    }

    /** Every line recorded for December 2007: key to amount. */
    Map<String, Money> lines() {
      Map<String, Money> out = new TreeMap<>();
      List<AccountRecord<IssuedCredit>> all = new ArrayList<>();
      open().issuedIn(DECEMBER, all::add);
      for (AccountRecord<IssuedCredit> r : all) {
        if (out.put(r.record().key(), r.record().amount()) != null) {
          throw new AssertionError("key recorded twice: " + r.record().key());
        }
      }
      return out;
    }
  }

  static Target sqlite(Path dir) {
    return new Target(dir.resolve("ledger.db").toString(), null, null);
  }

  /** A new schema on the test server; the in-process CLI reads its credentials from {@link LedgerOptions#environment}. */
  static Target postgres() {
    TestPostgres.Schema s = TestPostgres.newSchema("cli");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(LedgerOptions.USER_VARIABLE, s.user());
    env.put(LedgerOptions.PASSWORD_VARIABLE, s.password());
    LedgerOptions.environment = env;
    return new Target(s.url(), s.user(), s.password());
  }

  /** {@code credit} on the grid-2007 policy, outages and campaign for December 2007. */
  static String[] credit(Path accounts, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("credit", "--policy", AmendsCliTest.POLICY, "--campaign",
        AmendsCliTest.GOODWILL, "--accounts", accounts.toString(), "--outages", AmendsCliTest.OUTAGES, "--period",
        "2007-12", "--threads", "2", "--out", out.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Key to amount of every credit line of a decisions NDJSON file. */
  static Map<String, Money> linesOf(Path decisions) throws java.io.IOException {
    Map<String, Money> out = new TreeMap<>();
    for (IssuedCredit c : PreviousRunsCliTest.creditsIn(decisions)) {
      out.put(c.key(), c.amount());
    }
    return out;
  }
}
