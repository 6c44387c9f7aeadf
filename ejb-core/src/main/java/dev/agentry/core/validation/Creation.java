package dev.agentry.core.validation;

import dev.agentry.core.Boundary;
import jakarta.validation.groups.Default;

/**
 * The constraints that hold when a resource is created, on top of the default ones that hold for every
 * change: a field required on create may be left out of a change.
 */
@Boundary
public interface Creation extends Default {}
