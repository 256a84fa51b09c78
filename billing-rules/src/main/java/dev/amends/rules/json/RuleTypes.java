package dev.amends.rules.json;

import dev.amends.rules.CreditRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Your own rule types, each under a name you choose, for {@link PolicyDocuments} to read: a
 * document names a rule by its {@code "kind"}, and only the standard kinds and the names
 * registered here are read. No class name in a document ever selects a Java type.
 *
 * <pre>{@code
 * record Loyalty(String id, Duration minimum, BigDecimal percent) implements CreditRule {
 *   public String kind() { return "loyalty"; }
 *   public Outcome evaluate(RuleContext ctx) { ... }
 * }
 * RuleTypes types = RuleTypes.builder()
 *     .rule("loyalty", a -> new Loyalty(a.id(), a.duration("minimum"), a.decimal("percent")))
 *     .build();
 * PolicyDocuments.with(types).read(json);
 * }</pre>
 *
 * <p>A rule is written as its canonical form: {@code kind}, then a record's components in order
 * ({@code id} among them), or for a rule that is not a record {@code id}, {@code parameters} and,
 * if it overrides it, {@code canonical}. The factory reads those fields back; the rule it builds
 * must have the registered name as its {@link CreditRule#kind()}, so that it is written back as
 * read. Immutable and thread-safe.
 */
public final class RuleTypes {
  /** A name: a letter, then letters, digits, '-' or '_'. No '.', '$' or '@': never a class name. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  private static final RuleTypes NONE = new RuleTypes(Map.of());

  private final Map<String, Function<RuleArguments, ? extends CreditRule>> rules;

  private RuleTypes(Map<String, Function<RuleArguments, ? extends CreditRule>> rules) {
    this.rules = rules;
  }

  /** No types of your own: the standard ones only. */
  public static RuleTypes none() {
    return NONE;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The names registered, in the order registered. */
  public Set<String> names() {
    return rules.keySet();
  }

  Optional<Function<RuleArguments, ? extends CreditRule>> rule(String kind) {
    return Optional.ofNullable(rules.get(kind));
  }

  /** Collects rule types; {@link #build()} gives the immutable {@link RuleTypes}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Function<RuleArguments, ? extends CreditRule>> rules = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers a rule type.
     *
     * @param kind the name documents use as {@code "kind"}: a letter, then up to 63 letters,
     *     digits, {@code -} or {@code _}; not a standard kind, not registered twice
     * @param factory builds the rule from the node's fields; it may throw an unchecked exception
     *     for bad values, which is reported with the node's pointer
     * @return this builder
     * @throws IllegalArgumentException naming the kind if it is malformed, standard, or repeated
     */
    public Builder rule(String kind, Function<RuleArguments, ? extends CreditRule> factory) {
      java.util.Objects.requireNonNull(factory, "factory");
      if (kind == null || !NAME.matcher(kind).matches()) {
        throw new IllegalArgumentException("rule type name must be a letter then letters, digits, '-' or '_'"
            + " (never a class name): " + kind);
      }
      if (PolicyReader.STANDARD_KINDS.contains(kind)) {
        throw new IllegalArgumentException("rule type name is a standard kind: " + kind);
      }
      if (rules.putIfAbsent(kind, factory) != null) {
        throw new IllegalArgumentException("rule type registered twice: " + kind);
      }
      return this;
    }

    /** The registry. */
    public RuleTypes build() {
      return new RuleTypes(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules)));
    }
  }
}
