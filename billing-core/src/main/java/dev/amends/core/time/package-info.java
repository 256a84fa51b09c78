/**
 * Time: half-open windows ({@link org.threeten.extra.Interval} from ThreeTen-Extra, start
 * inclusive and end exclusive), normalised {@link dev.amends.core.time.WindowSet}s, and billing
 * periods computed in the account's zone and then held as instants.
 */
package dev.amends.core.time;
