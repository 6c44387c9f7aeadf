/** The catalog read API: collection descriptors and the one generic reader behind every collection. */
package dev.agentry.core.catalog;
