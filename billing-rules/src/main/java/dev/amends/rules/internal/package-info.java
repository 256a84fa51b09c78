/**
 * Internal, not part of the API: how decimals are read and checked and how numbers are written in
 * reasons and traces, shared by the definitions ({@code dev.amends.rules}) and the machinery
 * ({@code dev.amends.rules.engine}) so that both write a number the same way; and the answers of
 * a condition's quick test ({@link dev.amends.rules.internal.QuickTest}), which the definitions
 * give and the engine reads.
 *
 * <p>Depends on nothing else of {@code dev.amends.rules}. Not exported by the module.
 */
@AmendsStyle
package dev.amends.rules.internal;

import dev.amends.core.internal.AmendsStyle;
