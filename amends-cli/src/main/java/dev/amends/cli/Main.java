package dev.amends.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code amends} command: {@code credit}, {@code explain}, {@code diff}, {@code validate},
 * {@code schema}, {@code presets} and {@code completion}. Run {@code java -jar amends-cli.jar --help}.
 */
@Command(
    name = "amends",
    mixinStandardHelpOptions = true,
    version = "amends 0.1.0-SNAPSHOT",
    description = "Decides what customers are owed when a service fails them: SLA and goodwill credits, exact to the cent.",
    subcommands = {CreditCommand.class, ExplainCommand.class, DiffCommand.class, ValidateCommand.class, SchemaCommand.class,
        PresetsCommand.class, CompletionCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Not instantiated by callers: picocli makes it. */
  Main() {}

  /**
   * Runs the command and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // decisions are UTF-8 whatever the platform's encoding; messages follow the terminal's. Not
    // System.out: a PrintStream swallows write errors, so a closed pipe would go unnoticed.
    PrintWriter out = StandardOutput.Recording.on(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);
    PrintWriter err = StandardOutput.Recording.on(new FileOutputStream(FileDescriptor.err), System.err.charset());
    System.exit(exit(commandLine(out, err).execute(args), out, err));
  }

  /**
   * The exit code once the command is done: {@link ExitCodes#WRITE_FAILED} if standard output or
   * standard error failed, whatever the command returned.
   */
  static int exit(int code, PrintWriter out, PrintWriter err) {
    if (code == ExitCodes.WRITE_FAILED) {
      return code; // said already
    }
    try {
      StandardOutput.check(out);
    } catch (CliException e) {
      err.println("amends: " + e.getMessage());
      err.flush();
      return e.exitCode();
    }
    return err.checkError() ? ExitCodes.WRITE_FAILED : code;
  }

  /**
   * The command line, writing to the given streams; {@link CommandLine#execute} gives the exit
   * code.
   *
   * @param out standard output
   * @param err standard error
   * @return the command line, not null
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    applyExitCodeHelp(cl);
    cl.setParameterExceptionHandler(Arguments::handle);
    Arguments.converters(cl);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      PrintWriter w = line.getErr();
      if (e instanceof CliException c) {
        w.println("amends " + line.getCommandName() + ": " + c.getMessage());
        w.flush();
        return c.exitCode();
      }
      w.println("amends " + line.getCommandName() + ": unexpected failure: " + e);
      e.printStackTrace(w);
      w.flush();
      return ExitCodes.FAILURE;
    });
    return cl;
  }

  private static void applyExitCodeHelp(CommandLine cl) {
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
    cl.getSubcommands().values().forEach(Main::applyExitCodeHelp);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: credit, explain, diff, validate, schema or presets");
  }
}
