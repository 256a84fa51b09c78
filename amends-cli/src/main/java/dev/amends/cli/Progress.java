package dev.amends.cli;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error while {@code credit} runs, only when there is a terminal;
 * otherwise nothing at all. Its total is the accounts file's line count (blank lines included, so
 * the bar may end a little short of 100 %).
 */
abstract class Progress implements AutoCloseable {
  /** Runs shorter than this many account lines show no bar. */
  static final long MIN_LINES = 10_000;

  abstract void step();

  @Override
  public abstract void close();

  /** A bar when there is a terminal and the file is long; a no-op otherwise. */
  static Progress start(Path accounts) {
    if (!interactive()) {
      return NONE;
    }
    long lines;
    try (var s = Files.lines(accounts)) {
      lines = s.count();
    } catch (IOException | UncheckedIOException e) {
      return NONE; // the reader reports the file
    }
    if (lines < MIN_LINES) {
      return NONE;
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("credit")
        .setInitialMax(lines)
        .setUnit(" accounts", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(250)
        .build();
    return new Progress() {
      @Override
      void step() {
        bar.step();
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /**
   * Whether there is a terminal: a console, and on Java 22 and later (where {@link
   * System#console()} gives a console even when the streams are redirected) one that says it is
   * a terminal.
   */
  static boolean interactive() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(c);
    } catch (NoSuchMethodException e) {
      return true; // Java 21: a console is a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static final Progress NONE = new Progress() {
    @Override
    void step() {}

    @Override
    public void close() {}
  };
}
