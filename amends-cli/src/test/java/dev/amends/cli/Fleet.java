package dev.amends.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated fleet of accounts for the grid-2007 example's policy and outages (December 2007):
 * {@code acct-00000} … on clusters 1 to 3, monthly and annual plans, USD and EUR, fees from 10.00
 * to 59.00. Generated here so that the CLI's tests do not depend on the benchmarks module. The
 * same size gives the same lines.
 */
final class Fleet {
  private Fleet() {}

  /** The id of account {@code i}. */
  static String id(int i) {
    return "acct-%05d".formatted(i);
  }

  /** One account line, as {@code accounts.ndjson} holds it. */
  static String account(int i) {
    return account(id(i), i % 5 == 0 ? "EUR" : "USD", i % 3 == 0 ? "grid-annual" : "grid-monthly",
        "%d.00".formatted(10 + i % 50), "grid/cluster-" + (1 + i % 3), "2006-01-01T05:00:00Z", null);
  }

  /** An account line with the given fields; {@code activeEnd} may be null. */
  static String account(String id, String currency, String plan, String fee, String placement, String activeStart,
      String activeEnd) {
    String per = plan.equals("grid-annual") ? "ANNUAL" : "MONTHLY";
    String active = "{\"start\":\"" + activeStart + "\"" + (activeEnd == null ? "" : ",\"end\":\"" + activeEnd + "\"") + "}";
    return "{\"id\":\"" + id + "\",\"currency\":\"" + currency + "\",\"zone\":\"America/New_York\","
        + "\"customerSince\":\"2006-01-01\",\"subscriptions\":[{\"id\":\"" + id + "-grid\",\"plan\":\"" + plan + "\","
        + "\"prices\":[{\"amount\":{\"amount\":\"" + fee + "\",\"currency\":\"" + currency + "\"},\"per\":\"" + per + "\"}],"
        + "\"active\":" + active + ",\"placements\":[\"" + placement + "\"]}]}";
  }

  /** The first {@code size} accounts. */
  static List<String> accounts(int size) {
    List<String> lines = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      lines.add(account(i));
    }
    return lines;
  }

  static Path write(Path file, List<String> lines) {
    try {
      return Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The account id of an output line (decided or rejected), or null. */
  static String accountId(String line) {
    int at = line.indexOf("\"accountId\":\"");
    if (at < 0) {
      return null;
    }
    int from = at + "\"accountId\":\"".length();
    return line.substring(from, line.indexOf('"', from));
  }

  /** The output lines by account id. */
  static Map<String, String> byAccount(String out) {
    Map<String, String> m = new TreeMap<>();
    out.lines().forEach(l -> {
      if (m.put(accountId(l), l) != null) {
        throw new AssertionError("two output lines for account " + accountId(l));
      }
    });
    return m;
  }

  /**
   * The rejections reported on standard error, each as its first line followed by its indented
   * problem lines, joined by a space.
   */
  static List<String> rejections(String err) {
    List<String> out = new ArrayList<>();
    for (String l : err.lines().toList()) {
      if (l.startsWith("rejected: ")) {
        out.add(l);
      } else if (l.startsWith("  ") && !out.isEmpty() && !l.isBlank() && out.size() > 0 && isProblem(l)) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + l.strip());
      }
    }
    return out;
  }

  private static boolean isProblem(String l) {
    return l.strip().startsWith("/");
  }

  /** A count of the summary: the value of the row whose label is {@code label}. */
  static long row(String err, String label) {
    List<String> rows = err.lines().filter(l -> l.matches("\\s*" + java.util.regex.Pattern.quote(label) + "\\s+\\d+"))
        .toList();
    if (rows.size() != 1) {
      throw new AssertionError("no single summary row \"" + label + "\" in:\n" + err);
    }
    return Long.parseLong(rows.get(0).strip().substring(label.length()).strip());
  }
}
