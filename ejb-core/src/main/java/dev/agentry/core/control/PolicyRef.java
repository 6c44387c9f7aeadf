package dev.agentry.core.control;

/** A control policy as something else names it (an audit record's target names its pattern): its id and pattern. */
public record PolicyRef(long id, String pattern) {}
