/**
 * Facts and measurement for Amends: the exception hierarchy at this level, and the sub-packages
 * for time windows and billing periods ({@code time}), money ({@code money}), scopes
 * ({@code scope}), accounts and prices ({@code account}), outages ({@code outage}), telemetry
 * ({@code telemetry}) and the downtime measurement ({@code measure}).
 *
 * <p>Everything public is immutable and thread-safe. Nothing in this module reads a clock or the
 * default time zone: "now" and zones are always arguments.
 */
package dev.amends.core;
