package dev.amends.cli;

import dev.amends.rules.Campaign;
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

/**
 * {@code amends validate DOCUMENT.json}: a policy or, if its {@code "schema"} says so, a campaign
 * document; every problem, or OK with the digest and the warnings.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {
      "Checks a policy document, or a campaign document (\"schema\": \"amends.campaign/1\"). "
          + "Prints every problem on standard error (JSON Pointer, value, what is wrong) and exits with 3, or prints 'OK <digest>' and any warnings.",
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DOCUMENT.json", description = "The policy or campaign document.")
  Path policy;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Loaded<?> loaded = Documents.isCampaign(policy)
        ? Documents.campaign(policy, spec.commandLine().getErr())
        : Inputs.readPolicy(policy, spec.commandLine().getErr());
    out.println("OK " + switch (loaded.value()) {
      case Campaign c -> c.digest();
      case Policy p -> p.digest();
      default -> throw new IllegalStateException("read neither a policy nor a campaign: " + loaded.value());
    });
    for (JsonProblem w : loaded.warnings()) {
      out.println("warning " + w);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
