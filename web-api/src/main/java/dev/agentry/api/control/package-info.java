/** The governed-write routes (SPEC section 10), answering {@code writes_disabled} while the switch is off. */
package dev.agentry.api.control;
