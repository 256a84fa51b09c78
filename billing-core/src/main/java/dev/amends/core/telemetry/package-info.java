/** Telemetry: per-interval request counts or error rates, a second source of downtime. */
package dev.amends.core.telemetry;
