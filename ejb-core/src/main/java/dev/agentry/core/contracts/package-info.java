/**
 * Every contract the API publishes in {@code /schema}, by id, each generated from the record that states it; kept
 * apart from the generator ({@code dev.agentry.core.schema}) so that the features' records can use its annotations
 * without a package cycle.
 */
package dev.agentry.core.contracts;
