package dev.amends.rules.json;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * The field names every decision line repeats, quoted and escaped once by Jackson's {@link
 * SerializedString} instead of on every line: the generator copies their characters as they are.
 * The text written is the same as {@code writeName}'s (the generator escapes a serialized string
 * the way it escapes a name). Values are written as strings: a cache of quoted values (a policy's
 * id and digest, zones, kinds, rule paths) was tried and measured no faster.
 *
 * <p>Thread-safe.
 */
final class Quoted {
  private Quoted() {}

  static final SerializableString RESULT = name("result");
  static final SerializableString DECIDED = name("decided");
  static final SerializableString INDEX = name("index");
  static final SerializableString ACCOUNT_ID = name("accountId");
  static final SerializableString PERIOD = name("period");
  static final SerializableString START = name("start");
  static final SerializableString END = name("end");
  static final SerializableString ZONE = name("zone");
  static final SerializableString MONTHS = name("months");
  static final SerializableString EVALUATED_AT = name("evaluatedAt");
  static final SerializableString LINES = name("lines");
  static final SerializableString KEY = name("key");
  static final SerializableString KIND = name("kind");
  static final SerializableString AMOUNT = name("amount");
  static final SerializableString CURRENCY = name("currency");
  static final SerializableString SUBSCRIPTION_ID = name("subscriptionId");
  static final SerializableString POLICY = name("policy");
  static final SerializableString ID = name("id");
  static final SerializableString VERSION = name("version");
  static final SerializableString DIGEST = name("digest");
  static final SerializableString RULE_PATH = name("rulePath");
  static final SerializableString OUTAGE_IDS = name("outageIds");
  static final SerializableString REASON = name("reason");
  static final SerializableString TOTALS = name("totals");
  static final SerializableString FLAGS = name("flags");
  static final SerializableString WARNINGS = name("warnings");
  static final SerializableString CARRIED_FORWARD = name("carriedForward");

  /** A field name quoted and escaped once, as {@code writeName} would write it on every line. */
  static SerializableString name(String text) {
    return new SerializedString(text);
  }
}
