/** The governed actions on the catalog: one class each, found by CDI. */
package dev.agentry.core.control.actions;
