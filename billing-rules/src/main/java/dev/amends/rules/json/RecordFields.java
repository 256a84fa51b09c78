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
 * One JSON object of a record as the streaming parser read it ({@link RecordValues}), read field by
 * field, every problem collected with its JSON Pointer on a {@link Walk} (whose readers report a
 * bad string, enum, date, instant, zone, currency or money, shown as the tree would show it):
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
  // only a bad value goes on to the Walk's readers, which report it, as a JsonNode made for the
  // message (RecordValues.node). The happy path allocates nothing but the value, which keeps
  // reading a million account lines cheap.

  private final RecordValues.Obj node;
  private final Walk walk;
  /** Where this object is: in {@code parent}'s member {@code member}, at {@code index} of it if that is an array (else -1). */
  private final RecordFields parent;
  private final String member;
  private final int index;
  /** This object's pointer, made when a problem first needs it. */
  private String pointer;

  private RecordFields(RecordValues.Obj node, Walk walk, RecordFields parent, String member, int index) {
    this.node = node;
    this.walk = walk;
    this.parent = parent;
    this.member = member;
    this.index = index;
  }

  /** The pointer of this object, such as {@code /subscriptions/0/prices/0}. */
  private String pointer() {
    if (pointer == null) {
      pointer = pointer(parent, member, index);
    }
    return pointer;
  }

  /** The pointer of {@code parent}'s member, or of an item of that array if {@code index} is not -1; "" for the root. */
  private static String pointer(RecordFields parent, String member, int index) {
    if (parent == null) {
      return "";
    }
    String at = parent.pointer(member);
    return index < 0 ? at : Walk.item(at, index);
  }

  /**
   * The walk over a whole line's value ({@link RecordValues#readLine}, null for no value); a problem
   * if it is not an object.
   *
   * @return the walk, or null if the value is not an object
   */
  static RecordFields root(Object value, List<JsonProblem> problems) {
    return object(value, new Walk(problems, RecordFields::shown, NULL_REFUSED), null, null, -1);
  }

  /**
   * The object at a place ({@link #pointer(RecordFields, String, int)}), or null with the problem
   * {@code is not an object}, as {@code Walk.object} says it.
   */
  private static RecordFields object(Object value, Walk walk, RecordFields parent, String member, int index) {
    if (!(value instanceof RecordValues.Obj o)) {
      walk.problem(pointer(parent, member, index), RecordValues.node(value), "is not an object");
      return null;
    }
    return new RecordFields(o, walk, parent, member, index);
  }

  /** A value as a JsonNode, for a problem's message. */
  private static JsonNode node(Object value) {
    return RecordValues.node(value);
  }

  /** The JSON text of a value, cut to at most 80 characters. */
  static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
  }

  /** The pointer of a member of this object, escaped as RFC 6901 asks. */
  String pointer(String name) {
    return Walk.field(pointer(), name);
  }

  /** The number of problems found so far on the whole line. */
  int problemCount() {
    return walk.problemCount();
  }

  /** Records a problem at a member of this object. */
  void problem(String name, Object value, String message) {
    walk.problem(pointer(name), node(value), message);
  }

  /** Records a problem at a member of this object, showing the value found there. */
  void problem(String name, String message) {
    problem(name, node.get(name), message);
  }

  /** Records a problem for every member not among the names a record allows. */
  void allowOnly(Set<String> names) {
    for (int i = 0; i < node.size(); i++) {
      String name = node.name(i);
      if (!names.contains(name)) {
        problem(name, node.value(i), "is not a known field (known: " + String.join(", ", names.stream().sorted().toList()) + ")");
      }
    }
  }

  /** True if the member is present and not null. */
  boolean has(String name) {
    Object v = node.get(name);
    return v != null && !RecordValues.isNull(v);
  }

  /** A required member: absent or null is a problem, said as {@code Walk.Obj.required} says it. */
  private Object required(String name) {
    Object v = node.get(name);
    if (v == null) {
      walk.problem(pointer(name), JsonProblem.MISSING, "is required");
      return null;
    }
    if (RecordValues.isNull(v)) {
      walk.problem(pointer(name), node(v), NULL_REFUSED);
      return null;
    }
    return v;
  }

  /** A required value converted by {@code convert}, which records its own problems. */
  private <T> T requiredValue(String name, Function<Object, T> convert) {
    Object v = required(name);
    return v == null ? null : convert.apply(v);
  }

  /** An optional value: absent or null gives empty. */
  private <T> Optional<T> optionalValue(String name, Function<Object, T> convert) {
    Object v = node.get(name);
    return v == null || RecordValues.isNull(v) ? Optional.empty() : Optional.ofNullable(convert.apply(v));
  }

  private String string(String name, Object v) {
    return v instanceof String s ? s : Walk.STRING.read(walk, node(v), pointer(name));
  }

  /**
   * A string value parsed by {@code parse}; if it is not a string or does not parse, {@code
   * value} (the same parser) reports why.
   */
  private <T> T parsed(String name, Object v, Function<String, T> parse, Walk.Value<T> value) {
    if (v instanceof String s) {
      try {
        return parse.apply(s);
      } catch (java.time.DateTimeException | IllegalArgumentException e) {
        // reported below, with the message of the format
      }
    }
    return value.read(walk, node(v), pointer(name));
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
    Object v = required(name);
    if (v instanceof RecordValues.Arr a && a.size() == 0) {
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
          walk.problem(e.pointer(), node(e.value), x.field() + " " + x.rule());
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

  private Long integer(String name, Object value, long min, long max) {
    if (!(value instanceof JsonNode v) || !v.isIntegralNumber()) {
      problem(name, value, "is not a whole number");
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

  private BigDecimal decimal(String name, Object v) {
    BigDecimal d;
    if (v instanceof JsonNode n && n.isNumber()) {
      d = n.decimalValue();
    } else if (v instanceof String s && isDecimalText(s)) {
      try {
        d = new BigDecimal(s);
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

  private Ratio ratio(String name, Object v) {
    if (v instanceof String s && FRACTION_TEXT.matcher(s).matches()) {
      String[] parts = s.split("/");
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

  private CurrencyUnit currency(String name, Object v) {
    return parsed(name, v, RecordFields::currencyOf, CURRENCY);
  }

  /**
   * The currencies read so far, by code: {@link CurrencyUnit#of} looks a code up in a sorted map
   * (about 3 % of reading an account line, as profiled); a hash map of the few codes met is cheaper.
   * Bounded.
   */
  private static final ConcurrentHashMap<String, CurrencyUnit> CURRENCIES = new ConcurrentHashMap<>();

  /** {@link CurrencyUnit#of}, kept per code; throws as it does. */
  private static CurrencyUnit currencyOf(String code) {
    return kept(CURRENCIES, code, CurrencyUnit::of);
  }

  /** The value kept in {@code cache} for {@code key}, or {@code make}'s, kept while the cache holds fewer than 4,096. */
  private static <V> V kept(ConcurrentHashMap<String, V> cache, String key, Function<String, V> make) {
    V v = cache.get(key);
    if (v == null) {
      v = make.apply(key);
      if (cache.size() < 4096) {
        cache.putIfAbsent(key, v);
      }
    }
    return v;
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
    return walk.money(currency, amount, () -> pointer(name), () -> node(m.node));
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
    return kept(ZONES, id, ZoneId::of);
  }

  /** A required enum constant by its exact name. */
  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return requiredValue(name, v -> enumValue(name, v, type));
  }

  /** An optional enum constant by its exact name. */
  <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    return optionalValue(name, v -> enumValue(name, v, type));
  }

  private <E extends Enum<E>> E enumValue(String name, Object v, Class<E> type) {
    if (v instanceof String s) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(s)) {
          return e;
        }
      }
    }
    String allowed = String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    return Walk.choice(type, allowed).read(walk, node(v), pointer(name));
  }

  /** A required nested object. */
  RecordFields object(String name) {
    Object v = required(name);
    return v == null ? null : object(v, walk, this, name, -1);
  }

  /** An optional nested object. */
  Optional<RecordFields> optionalObject(String name) {
    return has(name) ? Optional.ofNullable(object(node.get(name), walk, this, name, -1)) : Optional.empty();
  }

  /** The elements of an optional array, each as a walk of its own; empty if absent. */
  List<Element> elements(String name) {
    if (!has(name)) {
      return List.of();
    }
    Object v = node.get(name);
    if (!(v instanceof RecordValues.Arr a)) {
      problem(name, v, "is not an array");
      return List.of();
    }
    List<Element> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(new Element(a.get(i), name, i));
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
      JsonNode tree = node(node); // for the message only
      String at = fieldPointer(tree, e.field());
      JsonNode found = tree.at(at.substring(pointer().length()));
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
  private String fieldPointer(JsonNode tree, String field) {
    String[] segments = field.replace("[", ".").replace("]", "").split("\\.");
    String whole = deepest(tree, segments, 0);
    String typed = deepest(tree, segments, 1); // without a type prefix such as "subscription."
    return typed.length() > whole.length() ? typed : whole;
  }

  private String deepest(JsonNode tree, String[] segments, int from) {
    String at = pointer();
    for (int i = from; i < segments.length; i++) {
      if (segments[i].isEmpty()) {
        continue;
      }
      String next = at + "/" + segments[i];
      if (tree.at(next.substring(pointer().length())).isMissingNode()) {
        break;
      }
      at = next;
    }
    return at;
  }

  /** One element of an array. */
  final class Element {
    private final Object value;
    private final String array;
    private final int index;

    private Element(Object value, String array, int index) {
      this.value = value;
      this.array = array;
      this.index = index;
    }

    /** The element as an object; null after a problem. */
    RecordFields object() {
      return RecordFields.object(value, walk, RecordFields.this, array, index);
    }

    /** The element as a string; null after a problem. */
    String string() {
      return value instanceof String s ? s : Walk.STRING.read(walk, node(value), pointer());
    }

    /** The element's pointer, made when needed. */
    String pointer() {
      return RecordFields.this.pointer(array) + "/" + index;
    }
  }
}
