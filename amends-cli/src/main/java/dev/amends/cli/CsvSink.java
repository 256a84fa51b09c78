package dev.amends.cli;

import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditLine;
import java.io.Writer;

/**
 * Decisions as CSV (RFC 4180, CRLF line ends, UTF-8): a header, then one row per credit line.
 * Rejected requests have no row; they are reported on standard error.
 */
final class CsvSink extends TextOut implements CreditCommand.DecisionSink {
  /** The header row. */
  static final String HEADER = "account,subscription,period,policy,version,rule_path,kind,amount,currency,days,key,reason";

  CsvSink(Writer out, boolean close) {
    super(out, close);
    line(HEADER);
  }

  @Override
  public void write(BatchResult result) {
    if (result instanceof BatchResult.Decided d) {
      for (CreditLine l : d.decision().lines()) {
        line(String.join(",",
            field(l.accountId()), field(l.subscriptionId()), field(l.period().label()), field(l.policyId()),
            Integer.toString(l.policyVersion()), field(l.rulePath()), l.kind().name(),
            l.amount().getAmount().toPlainString(), l.amount().getCurrencyUnit().getCode(),
            l.days().map(Object::toString).orElse(""), field(l.key()), field(l.reason())));
      }
    }
  }

  /** A field, quoted when it holds a comma, a quote or a line end; a leading =+-@ is not special here. */
  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private void line(String s) {
    write(s + "\r\n");
  }
}
