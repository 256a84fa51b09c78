package dev.amends.rules.engine;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value computed the first time it is asked for, then kept: the part of a decision (a fee, a
 * measurement) that both the pipeline and the rules read, computed once for both, and never if
 * neither asks. For one decision on one thread.
 *
 * @param <T> the value's type; the computation never gives null
 */
final class Once<T> implements Supplier<T> {
  private Supplier<? extends T> compute;
  private T value;

  Once(Supplier<? extends T> compute) {
    this.compute = compute;
  }

  /** The value, computed now if it was not yet. */
  @Override
  public T get() {
    if (compute != null) {
      value = compute.get();
      compute = null;
    }
    return value;
  }

  /** The value if it was asked for already, else empty (without computing it). */
  Optional<T> ifComputed() {
    return compute == null ? Optional.of(value) : Optional.empty();
  }
}
