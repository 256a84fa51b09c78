package dev.amends.presets;

import dev.amends.core.InvalidInputException;
import dev.amends.rules.Policy;
import dev.amends.rules.json.JsonDocumentException;
import dev.amends.rules.json.PolicyDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published SLAs as ready policy documents, by name.
 *
 * <pre>{@code
 * Policy aws = Presets.load("aws-compute-region");
 * aws.description().forEach(System.out::println);   // source, table, what it leaves to you
 * CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(aws)).outages(log).build();
 * }</pre>
 *
 * <p>Each preset is an ordinary policy document ({@code "schema": "amends.policy/1"}) whose id is
 * its name and whose {@code description} names the provider, the product and the date or version
 * of the SLA text it was written from, repeats the provider's table, and says what it leaves to
 * you (the price base, the claim, the zone of the month…). {@link #document(String)} gives the
 * text, to copy and change; {@link #load(String)} reads it with {@link PolicyDocuments#standard()}.
 * A preset is in force from 2000-01-01T00:00:00Z with no end: state your own effective window
 * with a copy of the document if your contract needs one.
 *
 * <p>A preset is not legal advice and not the provider's contract: it is one reading of a
 * published text, with every choice of reading written in its description. Thread-safe; each
 * preset is read once and the same immutable {@link Policy} is returned after.
 */
public final class Presets {
  private static final String FOLDER = "/dev/amends/presets/";

  /** The names, in the order {@code amends presets} lists them. */
  private static final List<String> NAMES = List.of(
      "aws-compute-region",
      "aws-compute-instance",
      "aws-ec2-2008",
      "atlassian-cloud-premium",
      "azure-virtual-machines",
      "digitalocean-droplet",
      "github-enterprise-cloud",
      "google-compute-engine",
      "google-workspace",
      "microsoft-365",
      "rackspace-managed-hosting",
      "upcloud");

  private static final Map<String, Policy> LOADED = new ConcurrentHashMap<>();

  private Presets() {}

  /** The names of every preset, such as {@code aws-compute-region}, in a fixed order. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The preset of this name as a policy.
   *
   * @param name a name from {@link #names()}, not null
   * @return the policy, whose {@link Policy#id()} is the name
   * @throws InvalidInputException naming {@code preset} and the known names if there is no such preset
   */
  public static Policy load(String name) {
    String known = known(name);
    return LOADED.computeIfAbsent(known, n -> {
      try {
        return PolicyDocuments.standard().read(document(n)).value();
      } catch (JsonDocumentException e) {
        // a shipped preset that does not read is a build defect; PresetsTest reads every one
        throw new IllegalStateException("preset " + n + " does not read: " + e.getMessage(), e);
      }
    });
  }

  /**
   * The JSON text of the preset of this name, exactly as shipped.
   *
   * @param name a name from {@link #names()}, not null
   * @throws InvalidInputException naming {@code preset} and the known names if there is no such preset
   */
  public static String document(String name) {
    String known = known(name);
    try (InputStream in = Presets.class.getResourceAsStream(FOLDER + known + ".json")) {
      if (in == null) {
        throw new IllegalStateException("preset " + known + " is listed but its document " + FOLDER + known
            + ".json is not in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("preset " + known + ": " + e.getMessage(), e);
    }
  }

  private static String known(String name) {
    if (name == null) {
      throw InvalidInputException.of("preset", "must not be null", "null");
    }
    if (!NAMES.contains(name)) {
      throw InvalidInputException.of("preset", "is not a preset; the presets are " + String.join(", ", NAMES),
          "\"" + escaped(name) + "\"");
    }
    return name;
  }

  /** The name for a message: control and line-separator characters as {@code \\uXXXX}, so it stays one line. */
  private static String escaped(String name) {
    StringBuilder sb = new StringBuilder();
    name.chars().limit(200).forEach(c -> {
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        sb.append(String.format("\\u%04x", c));
      } else {
        sb.append((char) c);
      }
    });
    return name.length() > 200 ? sb + "…" : sb.toString();
  }
}
