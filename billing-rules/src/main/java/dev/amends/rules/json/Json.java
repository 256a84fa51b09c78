package dev.amends.rules.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.datatype.jodamoney.AmountRepresentation;
import tools.jackson.datatype.jodamoney.JodaMoneyModule;

/**
 * The one Jackson mapper of Amends, configured once: strict reading (duplicate keys, trailing
 * tokens and wrong types are errors; decimals are read as {@code BigDecimal}, never through
 * binary floating point), limits that make hostile input fail fast, and no polymorphic typing of any
 * kind. Policy and campaign documents are read into trees and walked by hand, so that every
 * problem is reported with its pointer in one pass; record lines are read in one pass over the
 * streaming parser instead ({@link RecordValues}), with the same checks and the same words. No class
 * name in a document ever selects a Java type.
 */
final class Json {
  /** Deepest nesting of arrays and objects accepted. */
  static final int MAX_DEPTH = 64;
  /** Longest number accepted, in characters. */
  static final int MAX_NUMBER_LENGTH = 40;
  /** Longest string accepted, in characters. */
  static final int MAX_STRING_LENGTH = 10_000;
  /** Longest policy document accepted, in bytes or characters. */
  static final long MAX_DOCUMENT_LENGTH = 4L * 1024 * 1024;
  /** Longest NDJSON line accepted, in characters. */
  static final int MAX_LINE_LENGTH = 1024 * 1024;

  /**
   * Deepest nesting of a policy document: a rule tree may be {@value dev.amends.rules.Policy#MAX_DEPTH}
   * levels deep, two JSON levels each (a node and its {@code children}), with conditions inside.
   */
  static final int MAX_POLICY_DEPTH = 256;

  static final JsonMapper MAPPER = mapper(MAX_DOCUMENT_LENGTH);
  /** {@link #MAPPER} with room for {@link #MAX_POLICY_DEPTH} levels. */
  static final JsonMapper POLICY_MAPPER = mapper(MAX_DOCUMENT_LENGTH, MAX_POLICY_DEPTH);

  private Json() {}

  /** A strict mapper whose documents may be at most {@code maxDocumentLength} long. */
  static JsonMapper mapper(long maxDocumentLength) {
    return mapper(maxDocumentLength, MAX_DEPTH);
  }

  /** A strict mapper with a document length and nesting depth of its own. */
  static JsonMapper mapper(long maxDocumentLength, int maxDepth) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(200)
            .maxDocumentLength(maxDocumentLength)
            .build())
        // Names as the same String objects as the codecs' literals: a record's fields are found by identity (RecordValues).
        .enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
        // Each record line has a parser of its own, a million a run: the thread's own buffers, not
        // a shared concurrent deque's (its take and return were about 2 % of reading an account line).
        .recyclerPool(JsonRecyclerPools.threadLocalPool())
        .build();
    return JsonMapper.builder(factory)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.INDENT_OUTPUT)
        // Decimals in a tree keep the scale they were written with ("500.00" stays 500.00).
        .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        // Money as {"amount": "12.50", "currency": "USD"}: the amount a decimal string, read as
        // BigDecimal and never rounded (Money.of refuses more decimals than the currency has).
        .addModule(new JodaMoneyModule().withAmountRepresentation(AmountRepresentation.DECIMAL_STRING))
        .build();
  }

  /**
   * Money converted by Jackson's Joda-Money module from a currency and an amount the caller has
   * already checked (so that each problem keeps its own pointer and message), with no more
   * decimals than the currency has once trailing zeros are dropped. The module is handed that
   * amount at the currency's scale, not the node as written: its {@code Money.of} refuses
   * {@code "12.500"} for USD (trailing zeros beyond the currency's scale), which documents accept,
   * and it throws the raw {@code ArithmeticException} and {@code NumberFormatException} of
   * Joda-Money and {@code BigDecimal} rather than its own. It never rounds: the scale change is
   * exact ({@link java.math.RoundingMode#UNNECESSARY}).
   *
   * <p>For a currency with decimal places (every ISO currency but the pseudo-currencies), the
   * module's conversion is {@code Money.of(currency, amount)} of the amount its text gives back,
   * which is the amount at the currency's scale; that call is made here directly, without the
   * round trip through a JSON tree (about a seventh of reading an account line, as profiled). Currencies
   * without decimal places go through the module.
   *
   * @throws RuntimeException if the module refuses it all the same
   */
  static org.joda.money.Money money(org.joda.money.CurrencyUnit currency, java.math.BigDecimal amount) {
    if (currency.getDecimalPlaces() >= 0) {
      return org.joda.money.Money.of(currency, amount.setScale(currency.getDecimalPlaces(), java.math.RoundingMode.UNNECESSARY));
    }
    int places = Math.max(0, currency.getDecimalPlaces());
    var node = MAPPER.createObjectNode()
        .put("amount", amount.setScale(places, java.math.RoundingMode.UNNECESSARY).toPlainString())
        .put("currency", currency.getCode());
    return MAPPER.treeToValue(node, org.joda.money.Money.class);
  }

  /**
   * A text resource of this package, UTF-8, such as a shipped JSON Schema.
   *
   * @throws IllegalStateException if the jar lacks it
   */
  static String resource(String name) {
    try (java.io.InputStream in = Json.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("a resource is missing from the jar: dev/amends/rules/json/" + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
