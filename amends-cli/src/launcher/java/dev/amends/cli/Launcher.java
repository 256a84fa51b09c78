package dev.amends.cli;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The jar's entry point: checks that the Java running it is 21 or newer, and if not says so in
 * one line and exits with 1, instead of the JVM's {@code UnsupportedClassVersionError}; then
 * hands over to {@code dev.amends.cli.Main}.
 *
 * <p>Compiled for Java 8 (a compiler execution of its own in the module's pom, source folder
 * {@code src/launcher/java}) so that any JVM since 8 can load it, and it names {@code Main} only
 * through reflection, so that nothing compiled for 21 is loaded before the check.
 */
public final class Launcher {
  /** The oldest Java the tool runs on. */
  static final int REQUIRED = 21;

  private Launcher() {}

  /**
   * Checks the Java version, then runs {@code amends}.
   *
   * @param args the arguments, passed on unchanged
   * @throws Exception what {@code Main.main} throws, unwrapped
   */
  public static void main(String[] args) throws Exception {
    int feature = feature(System.getProperty("java.specification.version", "0"));
    if (feature < REQUIRED) {
      System.err.println(message(feature, System.getProperty("java.home", "?")));
      System.exit(1);
      return;
    }
    Method main = Class.forName("dev.amends.cli.Main").getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }

  /** The one line: which Java this is and where, and what to do. */
  static String message(int feature, String javaHome) {
    return "amends needs Java " + REQUIRED + " or newer, but this is Java " + feature + " (" + javaHome + "): put a JDK "
        + REQUIRED + "+ first on PATH (export PATH=/path/to/jdk-" + REQUIRED + "/bin" + File.pathSeparator
        + "$PATH) or run its java directly (/path/to/jdk-" + REQUIRED + "/bin/java -jar amends-cli.jar ...)";
  }

  /** {@code 1.8} is 8; {@code 17} is 17; {@code 21.0.1} is 21; anything unreadable is 0. */
  static int feature(String specificationVersion) {
    String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(v.substring(0, Math.min(end, 9)));
  }
}
