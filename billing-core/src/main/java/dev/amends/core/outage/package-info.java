/** Outage records and the immutable, indexed {@link dev.amends.core.outage.OutageLog}. */
package dev.amends.core.outage;
