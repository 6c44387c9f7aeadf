/**
 * Task templates (SPEC section 6): parameterised agent task inputs, shipped with the application and
 * loaded from {@code agentry.templates.directory}, rendered into an {@code agentry/task-input/v1}.
 */
package dev.agentry.core.templates;
