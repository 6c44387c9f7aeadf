/**
 * Agentry's business rules: boundaries (stateless EJBs) and the CDI controls they use. A feature's boundary is
 * its {@link dev.agentry.core.Boundary} classes and its value types (records, enums, exceptions, annotations): the
 * only types of the core web-api, admin-jsf and batch-jobs use (each module's {@code CoreBoundaryTest}); its other
 * classes are package-private unless the platform needs them public (EJBs, JSON-B bound records and serializers,
 * Bean Validation constraints, interceptors) or another feature of the core calls them.
 */
package dev.agentry.core;
