/** The OpenAPI document under the API root. */
package dev.agentry.api.openapi;
