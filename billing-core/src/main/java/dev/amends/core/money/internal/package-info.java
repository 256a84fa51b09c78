/**
 * Implementation details of the money package that the engine uses. Not API: exported to
 * {@code dev.amends.rules} only, and may change in any release.
 */
package dev.amends.core.money.internal;
