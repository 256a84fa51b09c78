/**
 * The downtime measurement: {@link dev.amends.core.measure.MeasurementRules} say what counts,
 * {@link dev.amends.core.measure.Measurer} applies them to outages or telemetry, and a {@link
 * dev.amends.core.measure.Measurement} reports the counted downtime, every exclusion with its
 * reason, each outage's part, and availability as an exact fraction.
 */
package dev.amends.core.measure;
