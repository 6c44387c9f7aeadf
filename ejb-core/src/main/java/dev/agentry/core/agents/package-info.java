/**
 * The agent registry (SPEC section 9): definitions from startup code, declarative files and the
 * API, one slug each, first wins; and the tool policy and permission ceiling a definition carries.
 */
package dev.agentry.core.agents;
