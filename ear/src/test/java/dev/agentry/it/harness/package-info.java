/**
 * The integration-test harness: Arquillian starts the provisioned WildFly once, this package deploys
 * the real EAR once for the whole suite, and tests call it over HTTP.
 */
package dev.agentry.it.harness;
