/** The catalog collections of the read API. */
package dev.agentry.api.catalog;
