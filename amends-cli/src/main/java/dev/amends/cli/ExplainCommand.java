package dev.amends.cli;

import dev.amends.core.AmendsException;
import dev.amends.core.account.Account;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amends explain}: one account's decision with its full trace, for support staff. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Decides one account with traces on and prints its explanation: every rule looked at, "
        + "with the numbers it judged.")
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--account", required = true, paramLabel = "ID", description = "The account's id.")
  String account;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OutputFiles.open(java.util.Map.of(), inputs.files(), java.util.List.of("--policy", "--campaign")).close();
    CreditEngine engine = inputs.engine(err, true);
    Account found = find();
    boolean noPolicy = false;
    try {
      DecisionRequest request = inputs.request(found);
      CreditDecision decision = engine.decide(request);
      out.println(decision.explain());
      StandardOutput.check(out);
      noPolicy = engine.policies().inForce(request.period().start()).isEmpty();
    } catch (AmendsException e) {
      inputs.reject("account " + account + ": " + e.getMessage());
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
