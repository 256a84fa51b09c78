package dev.amends.cli;

import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amends schema}: the policy JSON Schema, or with {@code --campaign} the campaign one. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Prints the JSON Schema (draft 2020-12) of policy documents, or of campaign documents with "
        + "--campaign (which refers to the policy schema's definitions: give a validator both).")
final class SchemaCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--campaign", description = "The campaign document schema (amends.campaign/1) instead.")
  boolean campaign;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(campaign ? CampaignDocuments.schema() : PolicyDocuments.schema());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
