/**
 * Agent memory: JSON values by layer ({@code agent}, {@code credential}, {@code session}), agent and
 * key, written by compare-and-swap on their content hash, read and written by runs through the memory
 * tools and by operators through the API.
 */
package dev.agentry.core.memory;
