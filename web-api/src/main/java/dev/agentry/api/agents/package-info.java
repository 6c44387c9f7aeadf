/** The agent registry over HTTP: list, read, register and change agents. */
package dev.agentry.api.agents;
