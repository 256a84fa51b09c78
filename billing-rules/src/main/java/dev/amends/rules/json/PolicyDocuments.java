package dev.amends.rules.json;

import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.PolicyDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * Policies as JSON documents: read strictly, checked, and written in their canonical form, which
 * is the text the {@linkplain Policy#digest() policy digest} is computed from.
 *
 * <pre>{@code
 * Loaded<Policy> loaded = PolicyDocuments.standard().read(Path.of("grid-sla.json"));
 * Policy sla = loaded.value();
 * loaded.warnings().forEach(w -> log.warn("grid-sla.json {}", w));
 * String json = PolicyDocuments.write(sla);   // canonical; sha256 of it is sla.digest()
 * }</pre>
 *
 * <p>A document is an object with {@code "schema": "amends.policy/1"}, the policy's terms and its
 * rule tree; the JSON Schema ({@link #schema()}) describes it. Rule nodes are chosen by {@code
 * "kind"}, conditions and limits by {@code "type"}: allow-listed names, or names you registered
 * in {@link RuleTypes}; no class name, no default typing, no expressions.
 *
 * <p>Reading is strict: unknown fields, duplicate keys, trailing content, nulls where a value is
 * required and wrong types are errors; decimals (strings or plain numbers) are read exactly as
 * {@code BigDecimal}, never through binary floating point, and kept in their shortest form ({@code 10.00}
 * reads as {@code 10}, as the canonical form writes it); documents are limited to 4 MB, 256
 * levels of nesting, numbers of 40 characters, strings of 10,000, and rule trees to {@value
 * Policy#MAX_NODES} nodes. A bad document is rejected with one {@link JsonDocumentException}
 * listing every problem found (up to 200), each with its JSON Pointer, the value and what is
 * wrong. After reading, the policy is checked as {@link Policy.Builder#build()} checks it (tier
 * tables with gaps or overlaps, duplicate node ids, …; each problem placed at its node), and as a
 * document: percentages over 100 are errors unless {@code "allowsOverFullFee": true}, caps of
 * zero are errors; tiers written out of order and first-match branches that can never match are
 * {@linkplain Loaded#warnings() warnings}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyDocuments {
  /** The {@code "schema"} of a policy book document: {@code {"schema": …, "policies": [ … ]}}. */
  public static final String BOOK_SCHEMA = "amends.policy-book/1";
  /** The {@code $id} of the policy document schema ({@link #schema()}). */
  public static final String SCHEMA_ID = "https://amends.dev/schemas/policy/1/policy.schema.json";
  private static final String SCHEMA_RESOURCE = "policy.schema.json";
  private static final PolicyDocuments STANDARD = new PolicyDocuments(RuleTypes.none());

  private final RuleTypes types;

  private PolicyDocuments(RuleTypes types) {
    this.types = types;
  }

  /** Reads the standard rule kinds only. */
  public static PolicyDocuments standard() {
    return STANDARD;
  }

  /** Reads the standard rule kinds and your own. */
  public static PolicyDocuments with(RuleTypes types) {
    return new PolicyDocuments(Objects.requireNonNull(types, "types"));
  }

  // ---- reading ----

  /**
   * Reads a policy document.
   *
   * @throws JsonDocumentException listing every problem, if the document is not a valid policy
   */
  public Loaded<Policy> read(String json) {
    Objects.requireNonNull(json, "json");
    return policy(() -> Json.POLICY_MAPPER.readTree(json));
  }

  /** As {@link #read(String)}, from characters. */
  public Loaded<Policy> read(Reader json) {
    Objects.requireNonNull(json, "json");
    return policy(() -> Json.POLICY_MAPPER.readTree(json));
  }

  /**
   * As {@link #read(String)}, from bytes in UTF-8 (or UTF-16/32, detected); invalid UTF-8 is a
   * problem of the document.
   *
   * @throws UncheckedIOException if the stream itself fails
   */
  public Loaded<Policy> read(InputStream json) {
    Walk.SourceStream in = new Walk.SourceStream(Objects.requireNonNull(json, "json"));
    return policy(() -> Json.POLICY_MAPPER.readTree(in), in::failed);
  }

  /**
   * As {@link #read(InputStream)}, from a file; the problems' subject names the file.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public Loaded<Policy> read(Path file) {
    try (Walk.SourceStream in = new Walk.SourceStream(Files.newInputStream(file))) {
      Walk walk = new Walk();
      JsonNode root = Walk.tree(walk, () -> Json.POLICY_MAPPER.readTree(in), in::failed);
      Policy policy = root == null ? null : new PolicyReader(walk, types).policy(root, "");
      return result(walk, policy, "policy document " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a policy book: {@code {"schema": "amends.policy-book/1", "policies": [ … ]}}, each item
   * a policy document; the versions are checked as {@link PolicyBook#of(java.util.List)} checks
   * them.
   *
   * @throws JsonDocumentException listing every problem
   */
  public Loaded<PolicyBook> readBook(String json) {
    Objects.requireNonNull(json, "json");
    Walk walk = new Walk();
    JsonNode root = Walk.tree(walk, () -> Json.POLICY_MAPPER.readTree(json));
    PolicyBook book = null;
    Walk.Obj o = root == null ? null : walk.object(root, "");
    if (o != null) {
      String schema = o.required("schema", Walk.STRING);
      if (schema != null && !schema.equals(BOOK_SCHEMA)) {
        walk.problem(o.at("schema"), o.node.get("schema"), "is not \"" + BOOK_SCHEMA + "\"");
      }
      List<Policy> policies = o.required("policies", Walk.list(
          (w, n, p) -> new PolicyReader(w, types).policy(n, p)));
      o.end();
      if (!walk.failed() && policies != null) {
        try {
          book = PolicyBook.of(policies);
        } catch (PolicyDefinitionException e) {
          e.problems().forEach(problem -> walk.problem("/policies", "(policy book)", problem));
        }
      }
    }
    return result(walk, book, "policy book document");
  }

  /**
   * Whether a file is a policy book document, by its {@code "schema"} ({@link #BOOK_SCHEMA}); a
   * file that is not JSON, or not an object, is not one (read it as a policy document to learn
   * why).
   *
   * @param file the file, not null
   * @return whether its top-level {@code "schema"} is {@link #BOOK_SCHEMA}
   * @throws UncheckedIOException if the file cannot be read
   */
  public static boolean isBook(Path file) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(Objects.requireNonNull(file, "file"))) {
      root = Json.POLICY_MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return false; // not JSON, too large, too deep: the policy reader says why
    }
    return root != null && root.isObject() && root.get("schema") != null && root.get("schema").isString()
        && BOOK_SCHEMA.equals(root.get("schema").stringValue());
  }

  private Loaded<Policy> policy(Supplier<JsonNode> read) {
    return policy(read, () -> true);
  }

  private Loaded<Policy> policy(Supplier<JsonNode> read, java.util.function.BooleanSupplier sourceFailed) {
    Walk walk = new Walk();
    JsonNode root = Walk.tree(walk, read, sourceFailed);
    Policy policy = root == null ? null : new PolicyReader(walk, types).policy(root, "");
    return result(walk, policy, "policy document");
  }

  static <T> Loaded<T> result(Walk walk, T value, String subject) {
    walk.throwIfFailed(subject);
    if (value == null) {
      // Every path that yields no value reports why; this guards that promise.
      throw new JsonDocumentException(subject, List.of(new JsonProblem("", "(document)", "could not be read")));
    }
    return new Loaded<>(value, walk.warnings());
  }

  // ---- writing ----

  /**
   * The canonical document of a policy: compact, every term written (defaults too), fields in a
   * fixed order, decimals in their shortest form, sets sorted. It is exactly {@link
   * Policy#canonical()}, so its SHA-256 is the {@link Policy#digest()}, and reading it gives back a
   * policy with the same digest (and an equal policy when its decimals were in shortest form).
   */
  public static String write(Policy policy) {
    return Objects.requireNonNull(policy, "policy").canonical();
  }

  /** The canonical document of a policy, indented for people; it reads back as {@link #write} does. */
  public static String writePretty(Policy policy) {
    return pretty(write(policy));
  }

  /** A policy book document: its policies' canonical documents, by id, then by effective start. */
  public static String write(PolicyBook book) {
    List<String> policies = new ArrayList<>();
    for (Policy p : Objects.requireNonNull(book, "book").policies()) {
      policies.add(write(p));
    }
    return "{\"schema\":\"" + BOOK_SCHEMA + "\",\"policies\":[" + String.join(",", policies) + "]}";
  }

  static String pretty(String canonical) {
    JsonNode tree = Json.POLICY_MAPPER.readTree(canonical);
    return Json.POLICY_MAPPER.writer()
        .with(SerializationFeature.INDENT_OUTPUT)
        .with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .writeValueAsString(tree);
  }

  /** The JSON Schema (draft 2020-12) of policy documents, as shipped in this jar. */
  public static String schema() {
    try (InputStream in = PolicyDocuments.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the policy schema resource is missing from the jar: " + SCHEMA_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
