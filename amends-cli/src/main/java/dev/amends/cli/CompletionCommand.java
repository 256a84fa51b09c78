package dev.amends.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code amends completion [bash|zsh]}: prints the shell completion script picocli generates
 * ({@link AutoComplete#bash}) for every command and option of {@code amends}. The script is bash;
 * zsh runs it through {@code bashcompinit}, which the script loads itself (and {@code compinit}
 * if not yet loaded) when it finds it is in zsh, so both shells get the same script. It completes the command {@code amends}: a wrapper script or an alias of that name.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {
      "Prints a shell completion script for amends (its commands and options, and file names for file options).",
      "bash: source <(java -jar amends-cli.jar completion bash), or save it to ~/.local/share/bash-completion/completions/amends. "
          + "zsh: source <(java -jar amends-cli.jar completion zsh) in ~/.zshrc. It completes the command amends: "
          + "an alias such as alias amends='java -jar /path/to/amends-cli.jar', or a script of that name on PATH.",
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells. */
  enum Shell { bash, zsh }

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", defaultValue = "bash", paramLabel = "bash|zsh",
      description = "The shell: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Shell shell;

  @Override
  public Integer call() {
    // one script for both: under zsh it loads compinit (if not yet) and bashcompinit itself
    String script = AutoComplete.bash("amends", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    if (spec.commandLine().getOut().checkError()) {
      throw new CliException(ExitCodes.FAILURE, "writing to standard output failed; the script is incomplete");
    }
    return ExitCodes.OK;
  }
}
