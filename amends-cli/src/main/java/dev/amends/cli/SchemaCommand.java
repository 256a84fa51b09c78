package dev.amends.cli;

import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code amends schema [KIND]}: the JSON Schema of a policy (the default), a campaign ({@code
 * campaign}, or the older {@code --campaign}), or one line of an NDJSON record file ({@code
 * accounts}, {@code outages}, {@code telemetry}, {@code claims}, {@code issued-credits}, {@code
 * carried-credits}) or of the decisions {@code credit} writes ({@code decisions}).
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Prints a JSON Schema (draft 2020-12), every field described: of policy documents (the default), "
        + "of campaign documents (campaign, or --campaign; it refers to the policy schema's definitions: give a "
        + "validator both), or of one line of an NDJSON file: accounts, outages, telemetry, claims, issued-credits, "
        + "carried-credits, decisions.")
final class SchemaCommand implements Callable<Integer> {
  /** The kinds, in the order {@code --help} lists them, with their schemas. */
  static final Map<String, Supplier<String>> KINDS = kinds();

  @Spec
  CommandSpec spec;

  @Option(names = "--campaign", description = "The campaign document schema (amends.campaign/1); the same as the "
      + "kind campaign.")
  boolean campaign;

  @Parameters(index = "0", arity = "0..1", paramLabel = "KIND", description = "policy (default), campaign, accounts, "
      + "outages, telemetry, claims, issued-credits, carried-credits or decisions.")
  String kind;

  @Override
  public Integer call() {
    String chosen = kind == null ? (campaign ? "campaign" : "policy") : kind;
    Supplier<String> schema = KINDS.get(chosen);
    if (schema == null) {
      throw new CliException(ExitCodes.USAGE, "unknown kind \"" + chosen + "\"; expected one of "
          + String.join(", ", KINDS.keySet()));
    }
    if (campaign && !chosen.equals("campaign")) {
      throw new CliException(ExitCodes.USAGE, "--campaign cannot be given with the kind \"" + chosen
          + "\"; give one of them");
    }
    spec.commandLine().getOut().println(schema.get());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private static Map<String, Supplier<String>> kinds() {
    Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
    kinds.put("policy", PolicyDocuments::schema);
    kinds.put("campaign", CampaignDocuments::schema);
    for (RecordFormat<?> format : RecordFormat.all()) {
      kinds.put(format.kind(), format::schema);
    }
    kinds.put("decisions", DecisionJson::schema);
    return java.util.Collections.unmodifiableMap(kinds);
  }
}
