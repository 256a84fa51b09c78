/** Implementation details of Amends. Not API: may change in any release. */
package dev.amends.core.internal;
