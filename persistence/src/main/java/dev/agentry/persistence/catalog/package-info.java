/** The catalog: the content and commerce records agents and integrations read. */
package dev.agentry.persistence.catalog;
