package dev.amends.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Argument errors as one line on standard error, naming the option and the form it expects, with
 * no usage dump and no Java type names ({@code amends credit: unknown option '--perod'; did you
 * mean --period? (see 'amends credit --help')}); and the converters that say what form a value
 * must have.
 */
final class Arguments {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  private Arguments() {}

  /** Registers the converters on a command line and its subcommands. */
  static void converters(CommandLine cl) {
    cl.registerConverter(YearMonth.class, Arguments::month);
    cl.registerConverter(Instant.class, Arguments::instant);
    cl.registerConverter(Integer.class, Arguments::whole);
    cl.registerConverter(Integer.TYPE, Arguments::whole);
  }

  /** {@code YYYY-MM}, with a month from 01 to 12. */
  static YearMonth month(String s) {
    if (MONTH.matcher(s).matches()) {
      try {
        return YearMonth.parse(s);
      } catch (DateTimeException e) {
        // said below
      }
    }
    throw new TypeConversionException("'" + s + "' is not a month: expected YYYY-MM with a month from 01 to 12, such as 2007-12");
  }

  /** An ISO-8601 instant, such as {@code 2008-01-15T12:00:00Z}. */
  static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeException e) {
      throw new TypeConversionException("'" + s + "' is not an instant: expected a date and time with its offset, "
          + "such as 2008-01-15T12:00:00Z");
    }
  }

  /** A whole number, such as {@code 4}. */
  static Integer whole(String s) {
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + s + "' is not a whole number, such as 4");
    }
  }

  /** Prints a bad argument as one line and gives {@link ExitCodes#USAGE}. */
  static int handle(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String name = name(cl);
    err.println(name + ": " + message(ex, args) + " (see '" + name + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** The one-line message of a bad argument. */
  static String message(ParameterException ex, String[] args) {
    String m;
    String unknown = ex instanceof UnmatchedArgumentException ? null : unknownOption(ex.getCommandLine(), args);
    if (unknown != null) {
      // picocli reports missing options before unknown ones: a misspelt --perod is the cause of both
      return message(new UnmatchedArgumentException(ex.getCommandLine(), List.of(unknown)), args);
    }
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      List<String> near = u.getSuggestions();
      boolean option = arg.startsWith("-");
      boolean command = !option && !ex.getCommandLine().getSubcommands().isEmpty();
      m = (option ? "unknown option '" : command ? "unknown command '" : "unexpected argument '") + arg + "'"
          + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near.subList(0, Math.min(3, near.size()))) + "?");
    } else {
      m = String.valueOf(ex.getMessage());
    }
    return m.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** The first argument that looks like an option the command does not have, or null. */
  private static String unknownOption(CommandLine cl, String[] args) {
    if (args == null || cl.getParent() == null && !cl.getSubcommands().isEmpty()) {
      return null;
    }
    boolean seenCommand = cl.getParent() == null;
    for (String arg : args) {
      if (!seenCommand) {
        seenCommand = arg.equals(cl.getCommandName());
        continue;
      }
      if (arg.equals("--")) {
        return null;
      }
      if (arg.startsWith("--")) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (cl.getCommandSpec().findOption(name) == null) {
          return name;
        }
      }
    }
    return null;
  }

  private static String name(CommandLine cl) {
    StringBuilder sb = new StringBuilder(cl.getCommandName());
    for (CommandLine p = cl.getParent(); p != null; p = p.getParent()) {
      sb.insert(0, p.getCommandName() + " ");
    }
    return sb.toString();
  }
}
