package dev.amends.cli;

import dev.amends.rules.Campaign;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.JsonDocumentException;
import dev.amends.rules.json.Loaded;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading campaign documents for the commands: every problem of every file, then one exit. */
final class Documents {
  private Documents() {}

  /**
   * Reads every campaign document, in order.
   *
   * @throws CliException with {@link ExitCodes#BAD_POLICY} after printing every problem of every
   *     bad document, or {@link ExitCodes#USAGE} if a file cannot be read
   */
  static Campaign[] campaigns(List<Path> files, PrintWriter err) {
    List<Campaign> campaigns = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    java.util.Map<String, Path> fileOfId = new java.util.HashMap<>();
    for (Path file : files == null ? List.<Path>of() : files) {
      try {
        Campaign c = CampaignDocuments.standard().read(file).value();
        Path first = fileOfId.putIfAbsent(c.id(), file);
        if (first != null) {
          bad.add(file + " /id: \"" + c.id() + "\" is the id of the campaign in " + first
              + "; a campaign id must be unique");
          err.println(bad.get(bad.size() - 1));
          continue;
        }
        campaigns.add(c);
      } catch (UncheckedIOException e) {
        throw Inputs.unreadable(file, e);
      } catch (JsonDocumentException e) {
        bad.add(report(file, "campaign", e, err));
      }
    }
    if (!bad.isEmpty()) {
      throw new CliException(ExitCodes.BAD_POLICY, String.join("; ", bad));
    }
    return campaigns.toArray(Campaign[]::new);
  }

  /**
   * Reads one campaign document.
   *
   * @throws CliException as {@link #campaigns(List, PrintWriter)} does
   */
  static Loaded<Campaign> campaign(Path file, PrintWriter err) {
    try {
      return CampaignDocuments.standard().read(file);
    } catch (UncheckedIOException e) {
      throw Inputs.unreadable(file, e);
    } catch (JsonDocumentException e) {
      throw new CliException(ExitCodes.BAD_POLICY, report(file, "campaign", e, err));
    }
  }

  /** Prints every problem of a bad document, each with the file; gives the one-line summary. */
  static String report(Path file, String kind, JsonDocumentException e, PrintWriter err) {
    for (var problem : e.problems()) {
      err.println(file + " " + problem);
    }
    return file + ": not a valid " + kind + " (" + e.problems().size()
        + (e.problems().size() == 1 ? " problem)" : " problems)");
  }

  /** Whether a file is a campaign document by its "schema"; a file that cannot be read is left to the policy reader. */
  static boolean isCampaign(Path file) {
    try {
      return CampaignDocuments.isCampaign(file);
    } catch (UncheckedIOException e) {
      return false;
    }
  }
}
