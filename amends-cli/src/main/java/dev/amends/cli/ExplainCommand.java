package dev.amends.cli;

import dev.amends.core.AmendsException;
import dev.amends.core.account.Account;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code amends explain}: one account's decision with its full trace, for support staff; as text,
 * or as JSON (the decision with its typed traces, as {@link DecisionJson} writes it). With several
 * months, one decision per month, in month order.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Decides one account with traces on and prints its explanation: every rule looked at, "
        + "with the numbers it judged.")
final class ExplainCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--account", required = true, paramLabel = "ID", description = "The account's id.")
  String account;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "text (the explanation, CreditDecision.explain()) or json (one line per decision: the decision "
          + "with its traces, exact values typed, as DecisionJson writes it). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OutputFiles.open(java.util.Map.of(), inputs.files(), java.util.List.of("--policy", "--campaign")).close();
    CreditEngine engine = inputs.engine(err, true);
    Account found = find();
    boolean noPolicy = false;
    int decided = 0;
    for (YearMonth month : inputs.months()) {
      inputs.period = month;
      try {
        DecisionRequest request = inputs.request(found);
        if (request == null) {
          continue; // --periods-touched: no outage overlaps this account's period starting in the month
        }
        CreditDecision decision = engine.decide(request);
        if (format == Format.json) {
          out.println(DecisionJson.toLine(decision));
        } else {
          if (decided > 0) {
            out.println();
          }
          out.println(decision.explain());
        }
        decided++;
        StandardOutput.check(out);
        noPolicy |= engine.policies().inForce(request.period().start()).isEmpty();
      } catch (AmendsException e) {
        inputs.reject("account " + account + (inputs.months().size() > 1 ? " (" + month + ")" : "") + ": "
            + e.getMessage());
      }
    }
    if (decided == 0 && inputs.badLines.get() == 0) {
      err.println("warning: no billing period of account " + account + " overlaps an outage of " + inputs.outages
          + "; nothing to explain");
      err.flush();
    }
    if (noPolicy) {
      CreditCommand.warnNoPolicy(err, engine, 1, account);
    }
    return inputs.badLines.get() == 0 && !noPolicy ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  private Account find() {
    try (RecordReader<Account> in = inputs.accountReader()) {
      while (in.hasNext()) {
        Optional<Account> a = inputs.accept(in.next());
        if (a.isPresent() && a.get().id().equals(account)) {
          return a.get();
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw Inputs.unreadable(inputs.accounts, e);
    }
    throw new CliException(ExitCodes.USAGE, "account " + account + " is not in " + inputs.accounts
        + (inputs.badLines.get() > 0 ? " (or is on a rejected line)" : ""));
  }
}
