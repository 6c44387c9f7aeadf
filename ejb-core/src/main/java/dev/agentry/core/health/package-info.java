/** Liveness and readiness: named checks, contributed by any module as MicroProfile Health beans. */
package dev.agentry.core.health;
