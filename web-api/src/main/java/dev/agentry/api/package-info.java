/** The REST API under {@code /api/v1}: thin resources that translate HTTP and delegate to the core. */
package dev.agentry.api;
