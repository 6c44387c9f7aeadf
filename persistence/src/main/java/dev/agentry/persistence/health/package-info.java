/**
 * Readiness of the databases the application depends on, as MicroProfile Health checks. They live in
 * this library jar on purpose: WildFly's MicroProfile Health sees the checks of an EAR's shared
 * libraries, not those of its EJB modules.
 */
package dev.agentry.persistence.health;
