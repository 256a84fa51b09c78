package dev.amends.rules.json;

import dev.amends.rules.Campaign;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Goodwill campaigns as JSON documents: read strictly, checked, and written in their canonical
 * form, which is the text the {@linkplain Campaign#digest() campaign digest} is computed from.
 *
 * <pre>{@code
 * Campaign goodwill = CampaignDocuments.standard().read(Path.of("goodwill.json")).value();
 * CreditEngine engine = CreditEngine.builder().policies(book).outages(log).campaigns(goodwill).build();
 * String json = CampaignDocuments.write(goodwill);   // canonical; sha256 of it is goodwill.digest()
 * }</pre>
 *
 * <p>A document is an object with {@code "schema": "amends.campaign/1"}:
 *
 * <pre>{@code
 * {"schema": "amends.campaign/1", "id": "goodwill-2007", "eligibleAt": "2007-12-10T17:00:00Z",
 *  "eligibility": {"type": "placed-under", "scope": "grid"}, "unit": "PER_SUBSCRIPTION",
 *  "grant": {"kind": "free-periods", "id": "two-months-free", "count": 2, "valuation": "MONTHLY_PRICE"},
 *  "rounding": {"mode": "HALF_UP"}}
 * }</pre>
 *
 * <p>{@code eligibility} is a condition and {@code grant} a rule node, written exactly as in a
 * policy document ({@link PolicyDocuments}); {@code unit} is {@code PER_SUBSCRIPTION} or {@code
 * PER_ACCOUNT}; {@code measurementRules} may be left out (the defaults), and so may {@code
 * reviewAbove}, a list of amounts such as {@code [{"amount": "500.00", "currency": "USD"}]} above
 * which a grant line is flagged for review ({@link Campaign#reviewAbove()}). Percentages over 100 are
 * allowed in a grant, as a campaign's grant may be worth more than a period's fee. Reading is as
 * strict as for policies, with the same limits, and a bad document is rejected with one {@link
 * JsonDocumentException} listing every problem found, each with its JSON Pointer, the value and
 * what is wrong; the grant tree is then checked as {@link Campaign.Builder#build()} checks it.
 * The JSON Schema is {@link #schema()}; it refers to the policy schema's definitions of rule
 * nodes and conditions ({@link PolicyDocuments#schema()}).
 *
 * <p>Immutable and thread-safe.
 */
public final class CampaignDocuments {
  private static final String SCHEMA_RESOURCE = "campaign.schema.json";
  private static final CampaignDocuments STANDARD = new CampaignDocuments(RuleTypes.none());

  private final RuleTypes types;

  private CampaignDocuments(RuleTypes types) {
    this.types = types;
  }

  /** Reads the standard rule kinds only. */
  public static CampaignDocuments standard() {
    return STANDARD;
  }

  /** Reads the standard rule kinds and your own. */
  public static CampaignDocuments with(RuleTypes types) {
    return new CampaignDocuments(Objects.requireNonNull(types, "types"));
  }

  /**
   * Reads a campaign document.
   *
   * @throws JsonDocumentException listing every problem, if the document is not a valid campaign
   */
  public Loaded<Campaign> read(String json) {
    Objects.requireNonNull(json, "json");
    return campaign(() -> Json.POLICY_MAPPER.readTree(json), () -> true, "campaign document");
  }

  /**
   * As {@link #read(String)}, from bytes in UTF-8 (or UTF-16/32, detected); invalid UTF-8 is a
   * problem of the document.
   *
   * @throws UncheckedIOException if the stream itself fails
   */
  public Loaded<Campaign> read(InputStream json) {
    Walk.SourceStream in = new Walk.SourceStream(Objects.requireNonNull(json, "json"));
    return campaign(() -> Json.POLICY_MAPPER.readTree(in), in::failed, "campaign document");
  }

  /**
   * As {@link #read(InputStream)}, from a file; the problems' subject names the file.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public Loaded<Campaign> read(Path file) {
    try (Walk.SourceStream in = new Walk.SourceStream(Files.newInputStream(file))) {
      return campaign(() -> Json.POLICY_MAPPER.readTree(in), in::failed, "campaign document " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether a file says it is a campaign document: a JSON object whose {@code "schema"} is
   * {@value Campaign#SCHEMA}. Anything else (a policy, a document that cannot be read) is not;
   * read it as a policy to hear why. For tools that take either kind of document.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public static boolean isCampaign(Path file) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = Json.POLICY_MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return false; // not JSON, too large, too deep: not a readable campaign
    }
    return root != null && root.isObject() && root.get("schema") != null
        && root.get("schema").isString() && Campaign.SCHEMA.equals(root.get("schema").stringValue());
  }

  private Loaded<Campaign> campaign(Supplier<JsonNode> read, BooleanSupplier sourceFailed, String subject) {
    Walk walk = new Walk();
    JsonNode root = Walk.tree(walk, read, sourceFailed);
    Campaign campaign = root == null ? null : new PolicyReader(walk, types).campaign(root, "");
    return PolicyDocuments.result(walk, campaign, subject);
  }

  /**
   * The canonical document of a campaign: compact, every term written (defaults too), fields in
   * a fixed order, decimals in their shortest form. It is exactly {@link Campaign#canonical()},
   * so its SHA-256 is the {@link Campaign#digest()}, and reading it gives back an equal campaign
   * with the same digest.
   */
  public static String write(Campaign campaign) {
    return Objects.requireNonNull(campaign, "campaign").canonical();
  }

  /** The canonical document of a campaign, indented for people; it reads back as {@link #write} does. */
  public static String writePretty(Campaign campaign) {
    return PolicyDocuments.pretty(write(campaign));
  }

  /**
   * The JSON Schema (draft 2020-12) of campaign documents, as shipped in this jar. Its rule nodes,
   * conditions, rounding and measurement rules refer to the policy schema ({@link
   * PolicyDocuments#schema()}, {@code $id} {@value PolicyDocuments#SCHEMA_ID}), which a validator
   * must be given too.
   */
  public static String schema() {
    try (InputStream in = CampaignDocuments.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the campaign schema resource is missing from the jar: " + SCHEMA_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
