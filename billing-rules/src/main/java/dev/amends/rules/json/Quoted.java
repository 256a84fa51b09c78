package dev.amends.rules.json;

import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Names and values that every decision line repeats, quoted and escaped once by Jackson's {@link
 * SerializedString} instead of on every line: the generator copies their characters as they are.
 * The text written is the same as {@code writeStringProperty}'s (the generator escapes a
 * serialized string the way it escapes a string).
 *
 * <p>Thread-safe.
 */
final class Quoted {
  private Quoted() {}

  static final SerializableString RESULT = new SerializedString("result");
  static final SerializableString DECIDED = new SerializedString("decided");
  static final SerializableString INDEX = new SerializedString("index");
  static final SerializableString ACCOUNT_ID = new SerializedString("accountId");
  static final SerializableString PERIOD = new SerializedString("period");
  static final SerializableString START = new SerializedString("start");
  static final SerializableString END = new SerializedString("end");
  static final SerializableString ZONE = new SerializedString("zone");
  static final SerializableString MONTHS = new SerializedString("months");
  static final SerializableString EVALUATED_AT = new SerializedString("evaluatedAt");
  static final SerializableString LINES = new SerializedString("lines");
  static final SerializableString KEY = new SerializedString("key");
  static final SerializableString KIND = new SerializedString("kind");
  static final SerializableString AMOUNT = new SerializedString("amount");
  static final SerializableString SUBSCRIPTION_ID = new SerializedString("subscriptionId");
  static final SerializableString POLICY = new SerializedString("policy");
  static final SerializableString ID = new SerializedString("id");
  static final SerializableString VERSION = new SerializedString("version");
  static final SerializableString DIGEST = new SerializedString("digest");
  static final SerializableString RULE_PATH = new SerializedString("rulePath");
  static final SerializableString OUTAGE_IDS = new SerializedString("outageIds");
  static final SerializableString REASON = new SerializedString("reason");
  static final SerializableString TOTALS = new SerializedString("totals");
  static final SerializableString FLAGS = new SerializedString("flags");
  static final SerializableString WARNINGS = new SerializedString("warnings");
  static final SerializableString CARRIED_FORWARD = new SerializedString("carriedForward");

  /**
   * Values kept, at most {@link #LIMIT}: a run has a few policy ids, digests, zones, kinds and
   * rule paths (a {@code per-outage} node's paths name outages, so there may be more of those: the
   * cache is emptied when full rather than grow).
   */
  private static final ConcurrentHashMap<String, SerializableString> VALUES = new ConcurrentHashMap<>();
  static final int LIMIT = 4096;

  /**
   * A value that recurs from line to line (a policy's id and digest, a zone, a rule path), quoted
   * once. Only for values of which a run has few: each one met is kept until {@link #LIMIT}.
   */
  static SerializableString value(String text) {
    SerializableString known = VALUES.get(text);
    if (known != null) {
      return known;
    }
    if (VALUES.size() >= LIMIT) {
      VALUES.clear();
    }
    SerializableString quoted = new SerializedString(text);
    VALUES.putIfAbsent(text, quoted);
    return quoted;
  }
}
