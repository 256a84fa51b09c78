package dev.amends.cli;

import dev.amends.rules.Policy;
import dev.amends.rules.json.JsonProblem;
import dev.amends.rules.json.Loaded;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code amends validate POLICY.json}: every problem, or OK with the digest and the warnings. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {
      "Checks a policy document. Prints every problem on standard error (JSON Pointer, value, what is wrong) "
          + "and exits with 3, or prints 'OK <digest>' and any warnings.",
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "POLICY.json", description = "The policy document.")
  Path policy;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Loaded<Policy> loaded = Inputs.readPolicy(policy, spec.commandLine().getErr());
    out.println("OK " + loaded.value().digest());
    for (JsonProblem w : loaded.warnings()) {
      out.println("warning " + w);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
