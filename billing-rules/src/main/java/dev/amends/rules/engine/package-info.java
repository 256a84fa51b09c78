/**
 * Internal, not part of the API: the machinery that runs what {@code dev.amends.rules} defines.
 * Compilation of a policy's tree, its evaluation, measurement and fee sharing within a batch,
 * caps and their rounding, idempotency keys, reconciliation with credits already issued, batch
 * running, term extensions and measurement windows, and the decision pipeline ({@link
 * dev.amends.rules.engine.Pipeline}) that puts them together for each request.
 *
 * <p>The module {@code dev.amends.rules} does not export this package (as JUnit's engine
 * internals are not exported), so a modular application cannot read it, and its public types are
 * public only so that {@link dev.amends.rules.CreditEngine}, the front door, can reach them.
 * Class-path users can see these types but must not depend on them: they change without notice.
 */
@AmendsStyle
package dev.amends.rules.engine;

import dev.amends.core.internal.AmendsStyle;
