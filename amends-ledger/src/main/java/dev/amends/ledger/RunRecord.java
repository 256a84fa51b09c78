package dev.amends.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run as the ledger recorded it. A run that was killed, or whose last chunk failed, has no
 * finish and no counts.
 *
 * @param id the run's id (a random UUID)
 * @param startedAt when it started
 * @param finishedAt when it finished, if it did
 * @param policyDigests the digests of the policies it decided with
 * @param campaignDigests the digests of the campaigns it decided with
 * @param counts accounts read, decided and rejected, if it finished
 * @param issued the lines it recorded (lines already recorded with the same content are not
 *     counted), if it finished
 */
public record RunRecord(String id, Instant startedAt, Optional<Instant> finishedAt, List<String> policyDigests,
    List<String> campaignDigests, Optional<RunCounts> counts, Optional<Long> issued) {
  /** Copies the lists. */
  public RunRecord {
    policyDigests = List.copyOf(policyDigests);
    campaignDigests = List.copyOf(campaignDigests);
  }
}
