/** Scopes: hierarchical paths on which outages are recorded and customers are placed. */
package dev.amends.core.scope;
