package dev.amends.rules;

import dev.amends.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A customer's claim for a credit: when it was filed, for which subscription (or the whole
 * account), and the evidence given.
 *
 * <pre>{@code
 * Claim.builder().id("CLM-1").filedAt(Instant.parse("2007-12-05T14:00:00Z"))
 *     .subscriptionId("sub-c2").addEvidence("ticket 4711").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Claim {
  Claim() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The claim's id. */
  public abstract String id();

  /** When the claim was filed. */
  public abstract Instant filedAt();

  /** The subscription claimed for; empty means every subscription of the account. */
  public abstract Optional<String> subscriptionId();

  /** The outages the customer names, if any. */
  public abstract Set<String> outageIds();

  /** Evidence references: tickets, logs, screenshots. */
  public abstract List<String> evidence();

  /** True if the claim covers the subscription. */
  public boolean covers(String subscription) {
    return subscriptionId().map(subscription::equals).orElse(true);
  }

  @Value.Check
  void check() {
    Checks.id("claim.id", id());
    subscriptionId().ifPresent(s -> Checks.id("claim.subscriptionId", s));
    outageIds().forEach(o -> Checks.id("claim.outageIds", o));
    for (int i = 0; i < evidence().size(); i++) {
      Checks.notBlank("claim.evidence[" + i + "]", evidence().get(i));
    }
  }

  /** Builds a {@link Claim}. */
  public static final class Builder extends ImmutableClaim.Builder {
    Builder() {}

    /**
     * Builds the {@link Claim}.
     *
     * @throws dev.amends.core.InvalidInputException if a required field is missing or null
     */
    @Override
    public Claim build() {
      return super.build();
    }
  }
}
