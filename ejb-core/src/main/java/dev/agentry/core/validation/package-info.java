/**
 * Request records as the one declaration of a contract: JSON bound onto them with every wrong type and
 * unknown member named, and Bean Validation violations told as the same field errors.
 */
package dev.agentry.core.validation;
