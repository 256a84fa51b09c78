package dev.amends.rules.json;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import tools.jackson.databind.JsonNode;

/**
 * One JSON object of a record, read field by field on a {@link Walk} (which collects every problem
 * with its JSON Pointer, and reads strings, enums, dates, instants, zones, currencies and money):
 * each getter returns the value, or {@code null} (an empty optional, an empty list) after a
 * problem. What lives here is the record format's own conventions: required fields that say
 * {@code is required and must not be null}, the closed list of known fields, whole numbers in a
 * range, the digit limits of decimals, and core validation errors mapped to the field they name.
 * What a field means is the codecs' business.
 *
 * <p>Decimals are read from JSON strings or numbers without going through binary floating point, and
 * only within {@link #MAX_INTEGER_DIGITS} integer and {@link #MAX_FRACTION_DIGITS} fraction digits,
 * so that {@code 1e999999999} is refused before any arithmetic sees it.
 */
final class RecordFields {
  /** The most digits before the decimal point a decimal in a record may have. */
  static final int MAX_INTEGER_DIGITS = 18;
  /** The most digits after the decimal point a decimal in a record may have. */
  static final int MAX_FRACTION_DIGITS = 12;

  private static final int MAX_SHOWN = 80;
  private static final String NULL_REFUSED = "is required and must not be null";
  /** The fields of a window. */
  static final Set<String> WINDOW_FIELDS = Set.of("start", "end");
  private static final Set<String> MONEY_FIELDS = Set.of("amount", "currency");

  // Every getter reads a well-formed value without building the pointer or message of a problem;
  // only a bad value goes on to the Walk's readers, which report it. The happy path allocates
  // nothing but the value, which keeps reading a million account lines cheap.

  private final JsonNode node;
  private final String pointer;
  private final Walk walk;

  private RecordFields(JsonNode node, String pointer, Walk walk) {
    this.node = node;
    this.pointer = pointer;
    this.walk = walk;
  }

  /**
   * The walk over a whole line's value; a problem if it is not an object.
   *
   * @return the walk, or null if the value is not an object
   */
  static RecordFields root(JsonNode node, List<JsonProblem> problems) {
    return object(node, "", new Walk(problems, RecordFields::shown, NULL_REFUSED));
  }

  /** The object at a pointer, or null with the problem {@code is not an object}, as {@code Walk.object} says it. */
  private static RecordFields object(JsonNode node, String pointer, Walk walk) {
    if (node == null || !node.isObject()) {
      walk.problem(pointer, node, "is not an object");
      return null;
    }
    return new RecordFields(node, pointer, walk);
  }

  /** The JSON text of a value, cut to at most 80 characters. */
  static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
  }

  /** The pointer of a member of this object, escaped as RFC 6901 asks. */
  String pointer(String name) {
    return Walk.field(pointer, name);
  }

  /** The number of problems found so far on the whole line. */
  int problemCount() {
    return walk.problemCount();
  }

  /** Records a problem at a member of this object. */
  void problem(String name, JsonNode value, String message) {
    walk.problem(pointer(name), value, message);
  }

  /** Records a problem at a member of this object, showing the value found there. */
  void problem(String name, String message) {
    problem(name, node.get(name), message);
  }

  /** Records a problem for every member not among the names a record allows. */
  void allowOnly(Set<String> names) {
    for (String name : node.propertyNames()) {
      if (!names.contains(name)) {
        problem(name, node.get(name), "is not a known field (known: " + String.join(", ", names.stream().sorted().toList()) + ")");
      }
    }
  }

  /** True if the member is present and not null. */
  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  /** A required member: absent or null is a problem, said as {@code Walk.Obj.required} says it. */
  private JsonNode required(String name) {
    JsonNode v = node.get(name);
    if (v == null) {
      walk.problem(pointer(name), JsonProblem.MISSING, "is required");
      return null;
    }
    if (v.isNull()) {
      walk.problem(pointer(name), v, NULL_REFUSED);
      return null;
    }
    return v;
  }

  /** A required value converted by {@code convert}, which records its own problems. */
  private <T> T requiredValue(String name, Function<JsonNode, T> convert) {
    JsonNode v = required(name);
    return v == null ? null : convert.apply(v);
  }

  /** An optional value: absent or null gives empty. */
  private <T> Optional<T> optionalValue(String name, Function<JsonNode, T> convert) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.ofNullable(convert.apply(v));
  }

  private String string(String name, JsonNode v) {
    return v.isString() ? v.stringValue() : Walk.STRING.read(walk, v, pointer(name));
  }

  /**
   * A string value parsed by {@code parse}; if it is not a string or does not parse, {@code
   * value} (the same parser) reports why.
   */
  private <T> T parsed(String name, JsonNode v, Function<String, T> parse, Walk.Value<T> value) {
    if (v.isString()) {
      try {
        return parse.apply(v.stringValue());
      } catch (java.time.DateTimeException | IllegalArgumentException e) {
        // reported below, with the message of the format
      }
    }
    return value.read(walk, v, pointer(name));
  }

  /** A required string. */
  String text(String name) {
    return requiredValue(name, v -> string(name, v));
  }

  /** A required string converted by {@code parse}; a core validation error it throws is a problem there. */
  <T> T text(String name, Function<String, T> parse) {
    String s = text(name);
    if (s == null) {
      return null;
    }
    try {
      return parse.apply(s);
    } catch (InvalidInputException x) {
      problem(name, x.field() + " " + x.rule());
      return null;
    }
  }

  /** An optional string. */
  Optional<String> optionalText(String name) {
    return optionalValue(name, v -> string(name, v));
  }

  /** A required array of strings, not empty, each converted as by {@link #texts(String, Function)}. */
  <T> List<T> requiredTexts(String name, Function<String, T> parse) {
    JsonNode v = required(name);
    if (v != null && v.isArray() && v.isEmpty()) {
      problem(name, v, "must not be empty");
    }
    return v == null ? List.of() : texts(name, parse);
  }

  /** An optional array of strings; empty if absent. */
  List<String> texts(String name) {
    return texts(name, s -> s);
  }

  /**
   * An optional array of strings, each converted by {@code parse}; a core validation error it
   * throws is a problem at that element. Empty if absent.
   */
  <T> List<T> texts(String name, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    for (Element e : elements(name)) {
      String s = e.string();
      if (s != null) {
        try {
          out.add(parse.apply(s));
        } catch (InvalidInputException x) {
          walk.problem(e.pointer(), e.value, x.field() + " " + x.rule());
        }
      }
    }
    return out;
  }

  /** A required whole number in {@code [min, max]}. */
  Long integer(String name, long min, long max) {
    return requiredValue(name, v -> integer(name, v, min, max));
  }

  /** An optional whole number in {@code [min, max]}. */
  Optional<Long> optionalInteger(String name, long min, long max) {
    return optionalValue(name, v -> integer(name, v, min, max));
  }

  private Long integer(String name, JsonNode v, long min, long max) {
    if (!v.isIntegralNumber()) {
      problem(name, v, "is not a whole number");
      return null;
    }
    BigInteger i = v.bigIntegerValue();
    if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
      problem(name, v, "is not in [" + min + ", " + max + "]");
      return null;
    }
    return i.longValueExact();
  }

  /** A required decimal, from a JSON string or number. */
  BigDecimal decimal(String name) {
    return requiredValue(name, v -> decimal(name, v));
  }

  private BigDecimal decimal(String name, JsonNode v) {
    BigDecimal d;
    if (v.isNumber()) {
      d = v.decimalValue();
    } else if (v.isString() && isDecimalText(v.stringValue())) {
      try {
        d = new BigDecimal(v.stringValue());
      } catch (NumberFormatException e) { // an exponent beyond int
        problem(name, v, "is not a decimal within range");
        return null;
      }
    } else {
      problem(name, v, "is not a decimal");
      return null;
    }
    // precision - scale is the number of integer digits; computed without expanding the value.
    long integerDigits = (long) d.precision() - d.scale();
    if (integerDigits > MAX_INTEGER_DIGITS) {
      problem(name, v, "has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
      return null;
    }
    if (d.scale() > MAX_FRACTION_DIGITS && d.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
      problem(name, v, "has more than " + MAX_FRACTION_DIGITS + " digits after the decimal point");
      return null;
    }
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /** Whether text is a plain decimal, {@code -?(0|[1-9][0-9]*)(\\.[0-9]+)?}: the common case of {@link #DECIMAL_TEXT}, without a regex. */
  private static boolean isPlainDecimal(String s) {
    int n = s.length();
    int i = s.startsWith("-") ? 1 : 0;
    int digits = i;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i == digits || (i - digits > 1 && s.charAt(digits) == '0')) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (s.charAt(i) != '.') {
      return false;
    }
    int fraction = ++i;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i == n && i > fraction;
  }

  private static final java.util.regex.Pattern DECIMAL_TEXT =
      java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]{1,10})?");
  private static final java.util.regex.Pattern FRACTION_TEXT = java.util.regex.Pattern.compile("-?[0-9]{1,18}/[0-9]{1,18}");

  /** Plain decimal text as JSON writes numbers: sign, digits, optional fraction and exponent. */
  private static boolean isDecimalText(String s) {
    return s.length() <= 64 && (isPlainDecimal(s) || DECIMAL_TEXT.matcher(s).matches());
  }

  /** A required exact ratio: a decimal ({@code "0.25"}) or a fraction ({@code "1/4"}). */
  Ratio ratio(String name) {
    return requiredValue(name, v -> ratio(name, v));
  }

  /** An optional exact ratio. */
  Optional<Ratio> optionalRatio(String name) {
    return optionalValue(name, v -> ratio(name, v));
  }

  private Ratio ratio(String name, JsonNode v) {
    if (v.isString() && FRACTION_TEXT.matcher(v.stringValue()).matches()) {
      String[] parts = v.stringValue().split("/");
      long den = Long.parseLong(parts[1]);
      if (den == 0) {
        problem(name, v, "has a zero denominator");
        return null;
      }
      return Ratio.of(Long.parseLong(parts[0]), den);
    }
    BigDecimal d = decimal(name, v);
    return d == null ? null : Ratio.of(d);
  }

  /** A required currency by its ISO 4217 code. */
  CurrencyUnit currency(String name) {
    return requiredValue(name, v -> currency(name, v));
  }

  private static final Walk.Value<CurrencyUnit> CURRENCY = Walk.parsed("a known ISO 4217 currency code", CurrencyUnit::of);

  private CurrencyUnit currency(String name, JsonNode v) {
    return parsed(name, v, CurrencyUnit::of, CURRENCY);
  }

  /**
   * Required money: {@code {"amount": "12.50", "currency": "USD"}}, the amount a decimal with no
   * more decimal places than the currency has.
   */
  Money money(String name) {
    RecordFields m = object(name);
    if (m == null) {
      return null;
    }
    m.allowOnly(MONEY_FIELDS);
    BigDecimal amount = m.decimal("amount");
    CurrencyUnit currency = m.currency("currency");
    if (amount == null || currency == null) {
      return null;
    }
    return walk.money(currency, amount, pointer(name), m.node);
  }

  private static final Walk.Value<Instant> INSTANT = Walk.parsed("an ISO-8601 instant such as 2007-12-01T05:00:00Z", IsoInstants::parse);
  private static final Walk.Value<LocalDate> DATE = Walk.parsed("an ISO-8601 date such as 2007-12-01", LocalDate::parse);
  private static final Walk.Value<ZoneId> ZONE = Walk.parsed("a time zone id such as America/New_York", ZoneId::of);

  /** A required instant, in ISO-8601 UTC form such as {@code 2007-12-01T05:00:00Z}. */
  Instant instant(String name) {
    return requiredValue(name, v -> parsed(name, v, IsoInstants::parse, INSTANT));
  }

  /** An optional instant. */
  Optional<Instant> optionalInstant(String name) {
    return optionalValue(name, v -> parsed(name, v, IsoInstants::parse, INSTANT));
  }

  /** A required local date such as {@code 2007-12-01}. */
  LocalDate date(String name) {
    return requiredValue(name, v -> parsed(name, v, LocalDate::parse, DATE));
  }

  /** An optional local date. */
  Optional<LocalDate> optionalDate(String name) {
    return optionalValue(name, v -> parsed(name, v, LocalDate::parse, DATE));
  }

  /** A required time zone id such as {@code America/New_York}. */
  ZoneId zone(String name) {
    return requiredValue(name, v -> parsed(name, v, RecordFields::zoneOf, ZONE));
  }

  /**
   * The zones read so far, by id: {@link ZoneId#of} makes a new zone object for every account line,
   * and equal zones compared by their text; shared, they compare as one object. Bounded.
   */
  private static final ConcurrentHashMap<String, ZoneId> ZONES = new ConcurrentHashMap<>();

  /** {@link ZoneId#of}, shared per id; throws as it does. */
  private static ZoneId zoneOf(String id) {
    ZoneId z = ZONES.get(id);
    if (z == null) {
      z = ZoneId.of(id);
      if (ZONES.size() < 4096) {
        ZONES.putIfAbsent(id, z);
      }
    }
    return z;
  }

  /** A required enum constant by its exact name. */
  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return requiredValue(name, v -> enumValue(name, v, type));
  }

  /** An optional enum constant by its exact name. */
  <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    return optionalValue(name, v -> enumValue(name, v, type));
  }

  private <E extends Enum<E>> E enumValue(String name, JsonNode v, Class<E> type) {
    if (v.isString()) {
      String s = v.stringValue();
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(s)) {
          return e;
        }
      }
    }
    String allowed = String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    return Walk.choice(type, allowed).read(walk, v, pointer(name));
  }

  /** A required nested object. */
  RecordFields object(String name) {
    JsonNode v = required(name);
    return v == null ? null : object(v, pointer(name), walk);
  }

  /** An optional nested object. */
  Optional<RecordFields> optionalObject(String name) {
    return has(name) ? Optional.ofNullable(object(node.get(name), pointer(name), walk)) : Optional.empty();
  }

  /** The elements of an optional array, each as a walk of its own; empty if absent. */
  List<Element> elements(String name) {
    if (!has(name)) {
      return List.of();
    }
    JsonNode v = node.get(name);
    if (!v.isArray()) {
      problem(name, v, "is not an array");
      return List.of();
    }
    List<Element> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(new Element(v.get(i), name, i));
    }
    return out;
  }

  /** The objects of an optional array, skipping (after a problem) the elements that are not. */
  List<RecordFields> objects(String name) {
    List<RecordFields> out = new ArrayList<>();
    for (Element e : elements(name)) {
      RecordFields f = e.object();
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Builds a value from fields read without problems; a core validation error ({@link
   * InvalidInputException}) becomes a problem at the field it names when that field is in this
   * object (such as {@code subscription.seats} at {@code /subscriptions/0/seats}), else at this
   * object.
   *
   * @param problemsBefore {@link #problemCount()} when reading this object began; nothing is
   *     built if there are more now
   * @return the value, or null after a problem
   */
  <T> T build(int problemsBefore, Supplier<T> builder) {
    if (walk.problemCount() > problemsBefore) {
      return null;
    }
    try {
      return builder.get();
    } catch (InvalidInputException e) {
      String at = fieldPointer(e.field());
      JsonNode found = node.at(at.substring(pointer.length()));
      String value = found.isMissingNode() ? e.value() : shown(found);
      boolean restate = !found.isMissingNode() && !e.value().equals(value); // such as "start=..., end=..."
      walk.problem(at, value, e.field() + " " + e.rule() + (restate ? " (" + e.value() + ")" : ""));
      return null;
    }
  }

  /**
   * The pointer of a core field path such as {@code account.subscriptions[1].id}: its type prefix
   * dropped and indexes as segments, kept only as far as this object holds it.
   */
  private String fieldPointer(String field) {
    String[] segments = field.replace("[", ".").replace("]", "").split("\\.");
    String whole = deepest(segments, 0);
    String typed = deepest(segments, 1); // without a type prefix such as "subscription."
    return typed.length() > whole.length() ? typed : whole;
  }

  private String deepest(String[] segments, int from) {
    String at = pointer;
    for (int i = from; i < segments.length; i++) {
      if (segments[i].isEmpty()) {
        continue;
      }
      String next = at + "/" + segments[i];
      if (node.at(next.substring(pointer.length())).isMissingNode()) {
        break;
      }
      at = next;
    }
    return at;
  }

  /** One element of an array. */
  final class Element {
    private final JsonNode value;
    private final String array;
    private final int index;

    private Element(JsonNode value, String array, int index) {
      this.value = value;
      this.array = array;
      this.index = index;
    }

    /** The element as an object; null after a problem. */
    RecordFields object() {
      return RecordFields.object(value, pointer(), walk);
    }

    /** The element as a string; null after a problem. */
    String string() {
      return value.isString() ? value.stringValue() : Walk.STRING.read(walk, value, pointer());
    }

    /** The element's pointer, made when needed. */
    String pointer() {
      return RecordFields.this.pointer(array) + "/" + index;
    }
  }
}
