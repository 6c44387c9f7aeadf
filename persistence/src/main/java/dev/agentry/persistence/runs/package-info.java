/** Agent definitions registered through the API, and agent task runs (SPEC section 9). */
package dev.agentry.persistence.runs;
