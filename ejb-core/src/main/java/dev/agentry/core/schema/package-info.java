/**
 * The JSON Schemas served in {@code /schema}, generated from the contract records and their Bean Validation
 * constraints, so every field and limit is declared once, on the record.
 */
package dev.agentry.core.schema;
