/** The console's agents: the registry's definitions and each agent's own memory. */
package dev.agentry.admin.agents;
