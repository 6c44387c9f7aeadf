/** Agentry's business rules: boundaries (stateless EJBs) and the CDI controls they use. */
package dev.agentry.core;
