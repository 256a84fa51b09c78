package dev.amends.rules.json;

import dev.amends.core.AmendsException;
import dev.amends.core.money.Ratio;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;

/**
 * A walk over a JSON tree that collects every problem with its JSON Pointer instead of stopping at
 * the first: readers of typed values ({@link Value}) report what is wrong and return {@code null},
 * and an {@link Obj} remembers which fields were read so that unknown ones are reported too.
 *
 * <p>Values are read exactly: decimals from JSON numbers (which the mapper reads as {@code
 * BigDecimal}) or from strings, never through binary floating point; money as {@code {"currency",
 * "amount"}}; instants, durations, dates, times and zones by {@code java.time} parsing; enums by
 * the names of their constants only. One walk per document or NDJSON line; not thread-safe.
 */
final class Walk {
  /** The most problems collected; a document with more is reported with the first ones. */
  static final int MAX_PROBLEMS = 200;
  /** The longest value text in a problem. */
  private static final int MAX_VALUE_TEXT = 80;
  /** The longest decimal accepted as a string, as for numbers. */
  private static final int MAX_DECIMAL_TEXT = Json.MAX_NUMBER_LENGTH;
  /** The largest decimal exponent either way: far beyond any amount, far below what hurts. */
  private static final int MAX_DECIMAL_EXPONENT = 100;
  private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,9})?");
  private static final Pattern RATIO = Pattern.compile("([+-]?\\d{1,40})/(\\d{1,40})");

  private final List<JsonProblem> problems;
  private final List<JsonProblem> warnings = new ArrayList<>();
  private final java.util.function.Function<JsonNode, String> shown;
  private final String nullRefused;
  private boolean truncated;

  /** A walk of a policy document: its own problem list, values shown by {@link #text(JsonNode)}. */
  Walk() {
    this(new ArrayList<>(), Walk::text, "must not be null");
  }

  /**
   * A walk that adds its problems to {@code sink} and shows values found with {@code shown} (the
   * record format shows a value's JSON text cut to 80 characters, containers included), saying
   * {@code nullRefused} of a required field that is null.
   */
  Walk(List<JsonProblem> sink, java.util.function.Function<JsonNode, String> shown, String nullRefused) {
    this.problems = sink;
    this.shown = shown;
    this.nullRefused = nullRefused;
  }

  /** Reads one typed value at a pointer; reports a problem and returns {@code null} if it cannot. */
  @FunctionalInterface
  interface Value<T> {
    T read(Walk walk, JsonNode node, String pointer);

    /** The same value, present; for optional fields written as {@code null} when empty. */
    default Value<java.util.Optional<T>> optionally() {
      return (w, n, p) -> {
        T t = read(w, n, p);
        return t == null ? null : java.util.Optional.of(t);
      };
    }
  }

  // ---- problems ----

  /** Reports a problem with the value found. */
  void problem(String pointer, JsonNode found, String message) {
    problem(pointer, found == null || found.isMissingNode() ? JsonProblem.MISSING : shown.apply(found), message);
  }

  /** Reports a problem with the value text given. */
  void problem(String pointer, String found, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new JsonProblem(pointer, found, message));
    } else if (!truncated) { // said in the list itself, which may be a record reader's own
      truncated = true;
      problems.add(new JsonProblem("", "(document)", "has more than " + MAX_PROBLEMS + " problems; the first are listed"));
    }
  }

  /** Reports a warning: the document is read, and the warning handed back with it. */
  void warn(String pointer, JsonNode found, String message) {
    if (warnings.size() < MAX_PROBLEMS) {
      warnings.add(new JsonProblem(pointer, shown.apply(found), message));
    }
  }

  /** How many problems so far: compare before and after reading a part to know if it failed. */
  int problemCount() {
    return problems.size();
  }

  boolean failed() {
    return !problems.isEmpty();
  }

  /** The problems, with a last one saying how many were left out if there were too many. */
  List<JsonProblem> problems() {
    return new ArrayList<>(problems);
  }

  List<JsonProblem> warnings() {
    return List.copyOf(warnings);
  }

  /** Throws the problems found, if any, as one {@link JsonDocumentException}. */
  void throwIfFailed(String subject) {
    if (failed()) {
      throw new JsonDocumentException(subject, problems());
    }
  }

  /**
   * Builds a value whose constructor checks its arguments, reporting what it refuses (an {@link
   * AmendsException}, such as {@code cap.percent must not be negative: -1}) at the pointer.
   */
  <T> T build(String pointer, JsonNode node, Supplier<T> construct) {
    return build(() -> pointer, () -> node, construct);
  }

  /** As {@link #build(String, JsonNode, Supplier)}, the pointer and the node made only for a problem's message. */
  <T> T build(Supplier<String> pointer, Supplier<JsonNode> node, Supplier<T> construct) {
    try {
      return construct.get();
    } catch (AmendsException | ArithmeticException | IllegalArgumentException | DateTimeException | JacksonException e) {
      problem(pointer.get(), node.get(), "is refused: " + e.getMessage());
      return null;
    }
  }

  /**
   * The tree of a document, or {@code null} with the parser's problem (where it stopped): every
   * way the parser refuses input ends here as a problem, including the raw {@code
   * NumberFormatException} Jackson 3.3 throws for a number such as {@code 0e9990999999} (found by
   * fuzzing). Only a failing source (not its content) is thrown, as an {@link
   * java.io.UncheckedIOException}.
   */
  static JsonNode tree(Walk walk, Supplier<JsonNode> read) {
    return tree(walk, read, () -> true);
  }

  /**
   * As {@link #tree(Walk, Supplier)}, for bytes: the parser's input/output errors are problems of
   * the document (bytes it cannot decode in the encoding it detected, such as UCS-4 in an order it
   * does not support) unless {@code sourceFailed} says the source itself failed ({@link
   * SourceStream#failed()}).
   */
  static JsonNode tree(Walk walk, Supplier<JsonNode> read, java.util.function.BooleanSupplier sourceFailed) {
    try {
      JsonNode root = read.get();
      if (root == null || root.isMissingNode()) {
        walk.problem("", "(empty)", "is empty: a JSON object is expected");
        return null;
      }
      return root;
    } catch (JacksonIOException e) {
      if (e.getCause() instanceof CharConversionException || !sourceFailed.getAsBoolean()) {
        // Bytes that are not text in the encoding detected (UTF-8, or UTF-16/32 by its marks).
        walk.problem("", "(document)", "is not valid text: " + cut(String.valueOf(e.getCause().getMessage())));
        return null;
      }
      throw new UncheckedIOException(e.getCause() instanceof IOException io ? io : new IOException(e));
    } catch (JacksonException e) {
      walk.problem("", "(document)", "is not valid JSON within the limits: " + shortened(e));
      return null;
    } catch (NumberFormatException e) {
      walk.problem("", "(document)", "is not valid JSON within the limits: " + cut(e.getMessage()));
      return null;
    }
  }

  /** The parser's own message, cut short, and where it stopped. */
  private static String shortened(JacksonException e) {
    String message = cut(RecordReader.withoutSource(String.valueOf(e.getOriginalMessage())));
    var at = e.getLocation();
    return at == null ? message : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** A message on one line, at most 200 characters. */
  private static String cut(String message) {
    String m = String.valueOf(message).replaceAll("\\s+", " ");
    return m.length() <= 200 ? m : m.substring(0, 199) + "…";
  }

  /** An input stream that remembers whether it failed, to tell a failing source from bad bytes. */
  static final class SourceStream extends FilterInputStream {
    private boolean failed;

    SourceStream(InputStream in) {
      super(in);
    }

    boolean failed() {
      return failed;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }
  }

  // ---- pointers and value text ----

  /** The pointer of a field of the object at {@code pointer}, escaped as RFC 6901 says. */
  static String field(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of an item of the array at {@code pointer}. */
  static String item(String pointer, int index) {
    return pointer + "/" + index;
  }

  /** A node as JSON text, at most 80 characters; containers by their first characters. */
  static String text(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return JsonProblem.MISSING;
    }
    String s;
    if (node.isContainer()) {
      // Not node.toString(): a container may be megabytes; its start says what it is.
      s = node.isArray() ? "[…" + node.size() + " items]" : "{" + String.join(",", first(node.propertyNames())) + "…}";
    } else {
      s = node.toString();
    }
    return s.length() <= MAX_VALUE_TEXT ? s : s.substring(0, MAX_VALUE_TEXT - 1) + "…";
  }

  private static List<String> first(java.util.Collection<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (out.size() == 4) {
        break;
      }
      out.add("\"" + n + "\"");
    }
    return out;
  }

  // ---- objects ----

  /** The object at a pointer, or {@code null} with a problem if the node is not an object. */
  Obj object(JsonNode node, String pointer) {
    if (node == null || !node.isObject()) {
      problem(pointer, node, "is not an object");
      return null;
    }
    return new Obj(node, pointer);
  }

  /** A JSON object being read: fields by name, required or optional, then {@link #end()}. */
  final class Obj {
    final JsonNode node;
    final String pointer;
    private final Set<String> read = new HashSet<>();
    private final List<Obj> nested = new ArrayList<>();

    Obj(JsonNode node, String pointer) {
      this.node = node;
      this.pointer = pointer;
    }

    Walk walk() {
      return Walk.this;
    }

    /** The pointer of a field. */
    String at(String name) {
      return field(pointer, name);
    }

    /** Whether the field is present and not null. */
    boolean has(String name) {
      JsonNode v = node.get(name);
      return v != null && !v.isNull();
    }

    /** The raw node of a field (marked as read), or {@code null} if absent. */
    JsonNode raw(String name) {
      read.add(name);
      return node.get(name);
    }

    /** A required field: absent or null is a problem. */
    <T> T required(String name, Value<T> value) {
      JsonNode v = raw(name);
      if (v == null) {
        problem(at(name), JsonProblem.MISSING, "is required");
        return null;
      }
      if (v.isNull()) {
        problem(at(name), v, nullRefused);
        return null;
      }
      return value.read(Walk.this, v, at(name));
    }

    /** An optional field: absent or null gives {@code otherwise}; a bad value gives {@code null}. */
    <T> T optional(String name, Value<T> value, T otherwise) {
      JsonNode v = raw(name);
      if (v == null || v.isNull()) {
        return otherwise;
      }
      return value.read(Walk.this, v, at(name));
    }

    /**
     * The {@code "type"} tag of an object whose type its place decides: optional, and if
     * present it must name that type.
     */
    void type(String expected) {
      JsonNode v = raw("type");
      if (v != null && !(v.isString() && v.stringValue().equals(expected))) {
        problem(at("type"), v, "must be \"" + expected + "\" here");
      }
    }

    /**
     * A required object field, ended with this one; an empty stand-in (after reporting) if it is
     * missing or not an object.
     */
    Obj nested(String name) {
      Obj o = required(name, (w, n, p) -> w.object(n, p));
      if (o == null) {
        o = new Obj(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), at(name));
      }
      nested.add(o);
      return o;
    }

    /** Reports every field that was not read: unknown fields are errors, never ignored. */
    void end() {
      for (Obj o : nested) {
        o.end();
      }
      end(name -> true);
    }

    /**
     * Reports the fields not read that pass the filter: for an object whose type is unknown, only
     * those that are surely wrong ({@code @class}, {@code @type}).
     */
    void end(java.util.function.Predicate<String> filter) {
      for (String name : node.propertyNames()) {
        if (!read.contains(name) && filter.test(name)) {
          problem(at(name), node.get(name), "is not a known field" + (name.startsWith("@")
              ? " (type information in a document is never used)" : ""));
        }
      }
    }
  }

  // ---- values ----

  static final Value<String> STRING = (w, n, p) -> {
    if (!n.isString()) {
      w.problem(p, n, "is not a string");
      return null;
    }
    return n.stringValue();
  };

  static final Value<Boolean> BOOLEAN = (w, n, p) -> {
    if (!n.isBoolean()) {
      w.problem(p, n, "is not true or false");
      return null;
    }
    return n.booleanValue();
  };

  static final Value<Long> LONG = (w, n, p) -> {
    if (!n.isIntegralNumber() || n.bigIntegerValue().bitLength() >= Long.SIZE) {
      w.problem(p, n, "is not a whole number");
      return null;
    }
    return n.longValue();
  };

  static final Value<Integer> INT = (w, n, p) -> {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      w.problem(p, n, "is not a whole number" + (n.isIntegralNumber() ? " in int range" : ""));
      return null;
    }
    return n.intValue();
  };

  /**
   * A decimal: a JSON number or a string such as {@code "99.95"} (digits, an optional sign, point
   * and exponent; no spaces or commas), read exactly and kept in its shortest form ({@code 10.00}
   * reads as {@code 10}), as the canonical form writes it. Exponents beyond ±100 are refused
   * before anything is expanded.
   */
  static final Value<BigDecimal> DECIMAL = (w, n, p) -> {
    BigDecimal d;
    if (n.isString()) {
      String s = n.stringValue();
      if (s.length() > MAX_DECIMAL_TEXT || !DECIMAL_TEXT.matcher(s).matches()) {
        w.problem(p, n, "is not a decimal");
        return null;
      }
      try {
        d = new BigDecimal(s);
      } catch (NumberFormatException e) {
        w.problem(p, n, "is not a decimal");
        return null;
      }
    } else if (n.isIntegralNumber()) {
      d = new BigDecimal(n.bigIntegerValue());
    } else if (n.isBigDecimal()) {
      d = n.decimalValue();
    } else {
      // The mapper reads fractions as BigDecimal; a binary floating-point node here would be a configuration bug.
      w.problem(p, n, "is not a decimal");
      return null;
    }
    long exponent = (long) d.precision() - d.scale() - 1;
    if (d.signum() != 0 && Math.abs(exponent) > MAX_DECIMAL_EXPONENT) {
      w.problem(p, n, "is out of range: its exponent is beyond ±" + MAX_DECIMAL_EXPONENT);
      return null;
    }
    return shortest(d);
  };

  /** {@code 10.00} as {@code 10}, {@code 1E+2} as {@code 100}, any zero as {@code 0}. */
  static BigDecimal shortest(BigDecimal d) {
    if (d.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** A ratio, as the canonical form writes it ({@code "1/20"}), or a decimal ({@code 0.05}). */
  static final Value<Ratio> RATIO_VALUE = (w, n, p) -> {
    if (n.isString()) {
      var m = RATIO.matcher(n.stringValue());
      if (m.matches()) {
        return w.build(p, n, () -> Ratio.of(new BigInteger(m.group(1)), new BigInteger(m.group(2))));
      }
    }
    BigDecimal d = DECIMAL.read(new Walk(), n, p);
    if (d == null) {
      w.problem(p, n, "is not a ratio (such as \"1/20\") or a decimal");
      return null;
    }
    return w.build(p, n, () -> Ratio.of(d));
  };

  static final Value<Duration> DURATION = parsed("a duration (ISO 8601, such as \"PT30M\")", Duration::parse);
  static final Value<Instant> INSTANT = parsed("an instant (such as \"2007-12-01T05:00:00Z\")", Instant::parse);
  static final Value<LocalDate> DATE = parsed("a date (such as \"2007-12-01\")", LocalDate::parse);
  static final Value<LocalTime> TIME = parsed("a local time (such as \"06:00\")", LocalTime::parse);
  static final Value<ZoneId> ZONE = parsed("a time zone (such as \"America/New_York\")", ZoneId::of);
  static final Value<CurrencyUnit> CURRENCY = parsed("a currency code (such as \"USD\")", CurrencyUnit::of);

  /**
   * A string parsed by {@code java.time} (or Joda-Money); a parse failure names what was expected.
   *
   * <p>Not through Jackson's built-in {@code java.time} deserializers on purpose: they are lenient
   * where a silent wrong value would follow ({@code "1196485200"} reads as an epoch-second
   * instant, {@code "2007-12-01T00:00"} as a date with its time dropped, {@code ""} as null), and
   * checking the text first would mean parsing it twice. These are the same {@code java.time}
   * parsers they call, used strictly.
   */
  static <T> Value<T> parsed(String what, java.util.function.Function<String, T> parse) {
    return (w, n, p) -> {
      String s = STRING.read(w, n, p);
      if (s == null) {
        return null;
      }
      try {
        return parse.apply(s);
      } catch (DateTimeException | IllegalArgumentException e) {
        w.problem(p, n, "is not " + what);
        return null;
      }
    };
  }

  /** Money: {@code {"currency": "USD", "amount": 500.00}}, at most the currency's decimals. */
  static final Value<Money> MONEY = (w, n, p) -> {
    Obj o = w.object(n, p);
    if (o == null) {
      return null;
    }
    CurrencyUnit currency = o.required("currency", CURRENCY);
    BigDecimal amount = o.required("amount", DECIMAL);
    o.end();
    return currency == null || amount == null ? null : w.money(currency, amount, p, n);
  };

  /**
   * Money from a currency and an amount read from the object {@code node} at {@code pointer}: no
   * more decimals than the currency has (trailing zeros aside), never rounded, then converted by
   * Jackson's Joda-Money module ({@link Json#money(CurrencyUnit, BigDecimal)}); policies and
   * records both read money here.
   */
  Money money(CurrencyUnit currency, BigDecimal amount, String pointer, JsonNode node) {
    return money(currency, amount, () -> pointer, () -> node);
  }

  /**
   * As {@link #money(CurrencyUnit, BigDecimal, String, JsonNode)}, the pointer and the object
   * made only for a problem's message.
   */
  Money money(CurrencyUnit currency, BigDecimal amount, Supplier<String> pointer, Supplier<JsonNode> node) {
    int places = Math.max(0, currency.getDecimalPlaces());
    if (amount.stripTrailingZeros().scale() > places) {
      problem(field(pointer.get(), "amount"), node.get().get("amount"), "has more decimal places than " + currency.getCode()
          + " allows (" + places + ")");
      return null;
    }
    return build(pointer, node, () -> Json.money(currency, amount));
  }

  /** An enum constant by its exact name; the message lists the names allowed, as {@code [A, B]}. */
  static <E extends Enum<E>> Value<E> choice(Class<E> type) {
    return choice(type, Arrays.toString(type.getEnumConstants()));
  }

  /** An enum constant by its exact name; the message lists the names allowed as {@code allowed}. */
  static <E extends Enum<E>> Value<E> choice(Class<E> type, String allowed) {
    E[] constants = type.getEnumConstants();
    return (w, n, p) -> {
      String s = STRING.read(w, n, p);
      if (s == null) {
        return null;
      }
      for (E e : constants) {
        if (e.name().equals(s)) {
          return e;
        }
      }
      w.problem(p, n, "is not one of " + allowed);
      return null;
    };
  }

  /** A JSON array of values; {@code null} if it or any item is bad (each bad item reported). */
  static <T> Value<List<T>> list(Value<T> value) {
    return (w, n, p) -> {
      if (!n.isArray()) {
        w.problem(p, n, "is not an array");
        return null;
      }
      List<T> out = new ArrayList<>(n.size());
      boolean bad = false;
      for (int i = 0; i < n.size(); i++) {
        JsonNode item = n.get(i);
        if (item.isNull()) {
          w.problem(item(p, i), item, "must not be null");
          bad = true;
          continue;
        }
        T t = value.read(w, item, item(p, i));
        bad |= t == null;
        out.add(t);
      }
      return bad ? null : out;
    };
  }

  /** A JSON array read as a set; a repeated item is a problem (the canonical form has none). */
  static <T> Value<Set<T>> set(Value<T> value) {
    Value<List<T>> list = list(value);
    return (w, n, p) -> {
      List<T> items = list.read(w, n, p);
      if (items == null) {
        return null;
      }
      Set<T> out = new java.util.LinkedHashSet<>();
      for (int i = 0; i < items.size(); i++) {
        if (!out.add(items.get(i))) {
          w.problem(item(p, i), n.get(i), "is repeated");
          return null;
        }
      }
      return out;
    };
  }
}
