/** JSON Schemas of resources and envelopes. */
package dev.agentry.api.schema;
