/** The catalog-import job: JSON lines or CSV into the catalog, bad records skipped and reported. */
package dev.agentry.batch.catalog;
