package dev.amends.cli;

import dev.amends.core.InvalidInputException;
import dev.amends.presets.Presets;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code amends presets}: the published SLAs shipped as policy documents, one per line with the
 * source of each; {@code amends presets NAME} prints that preset's document, to read or to copy
 * and change.
 */
@Command(name = "presets", mixinStandardHelpOptions = true,
    description = "Lists the published SLAs shipped as policy documents (use one with credit --preset NAME); "
        + "with a NAME, prints that preset's document and its description.")
final class PresetsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "A preset whose document to print.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (name != null) {
      try {
        out.print(Presets.document(name));
      } catch (InvalidInputException e) {
        throw new CliException(ExitCodes.USAGE, e.getMessage());
      }
    } else {
      int width = Presets.names().stream().mapToInt(String::length).max().orElse(0);
      for (String n : Presets.names()) {
        Policy p = Presets.load(n);
        String source = p.description().isEmpty() ? "" : p.description().get(0).replaceFirst("^Source: ", "");
        out.println(String.format("%-" + width + "s  %s", n, source));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The policies of {@code --policy FILE} (repeatable, books too) or the one of {@code --preset NAME}:
   * one of the two must be given.
   *
   * @throws CliException with {@link ExitCodes#USAGE} for neither, both, or an unknown preset;
   *     with {@link ExitCodes#BAD_POLICY} for a bad policy document
   */
  static PolicyBook chosen(List<Path> policies, String preset, PrintWriter err) {
    boolean noPolicy = policies == null || policies.isEmpty();
    if (noPolicy == (preset == null)) {
      throw new CliException(ExitCodes.USAGE, "give exactly one of --policy POLICY.json and --preset NAME"
          + " (--policy may be repeated; amends presets lists the names)");
    }
    if (!noPolicy) {
      return Inputs.readPolicies("--policy", policies, err);
    }
    try {
      return PolicyBook.of(Presets.load(preset));
    } catch (InvalidInputException e) {
      throw new CliException(ExitCodes.USAGE, "--preset: " + e.getMessage());
    }
  }
}
