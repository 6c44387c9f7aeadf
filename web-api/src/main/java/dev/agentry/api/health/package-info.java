/** Liveness and readiness over HTTP, from the same named checks MicroProfile Health reports. */
package dev.agentry.api.health;
