package dev.agentry.core.validation;

import jakarta.validation.groups.Default;

/**
 * The constraints that hold when a resource is created, on top of the default ones that hold for every
 * change: a field required on create may be left out of a change.
 */
public interface Creation extends Default {}
