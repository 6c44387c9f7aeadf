/** The incidents route: what went wrong and what to do, strictly redacted (SPEC section 6). */
package dev.agentry.api.incidents;
