/** Catalog imports. */
package dev.agentry.api.imports;
