package dev.amends.cli;

import dev.amends.rules.json.PolicyDocuments;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code amends schema}: the policy JSON Schema. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Prints the JSON Schema (draft 2020-12) of policy documents.")
final class SchemaCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(PolicyDocuments.schema());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
