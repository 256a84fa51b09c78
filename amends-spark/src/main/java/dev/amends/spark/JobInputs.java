package dev.amends.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything an executor needs besides the accounts, as text: the policies and campaigns as
 * canonical documents, the small record inputs as canonical NDJSON lines, the month, the instant
 * and the options. Broadcast once per run; {@link #id()} is a digest of the content, so an
 * executor builds one engine per distinct input whatever the number of tasks.
 */
record JobInputs(
    String period,
    String evaluatedAt,
    List<String> policies,
    List<String> campaigns,
    List<String> outages,
    List<String> telemetry,
    List<String> claims,
    List<String> issued,
    boolean shareMeasurements,
    String id) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Copies the lists (into serialisable ones) and computes the id. */
  static JobInputs of(String period, String evaluatedAt, List<String> policies, List<String> campaigns,
      List<String> outages, List<String> telemetry, List<String> claims, List<String> issued,
      boolean shareMeasurements) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    update(sha, "period", List.of(period));
    update(sha, "evaluatedAt", evaluatedAt == null ? List.of() : List.of(evaluatedAt));
    update(sha, "policies", policies);
    update(sha, "campaigns", campaigns);
    update(sha, "outages", outages);
    update(sha, "telemetry", telemetry);
    update(sha, "claims", claims);
    update(sha, "issued", issued);
    update(sha, "share", List.of(Boolean.toString(shareMeasurements)));
    return new JobInputs(period, evaluatedAt, List.copyOf(policies), List.copyOf(campaigns), List.copyOf(outages),
        List.copyOf(telemetry), List.copyOf(claims), List.copyOf(issued), shareMeasurements,
        HexFormat.of().formatHex(sha.digest()));
  }

  private static void update(MessageDigest sha, String name, List<String> texts) {
    sha.update((name + "\u0000" + texts.size() + "\u0000").getBytes(StandardCharsets.UTF_8));
    for (String t : texts) {
      byte[] b = t.getBytes(StandardCharsets.UTF_8);
      sha.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
      sha.update(b);
    }
  }
}
