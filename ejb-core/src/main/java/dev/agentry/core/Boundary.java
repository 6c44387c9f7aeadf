package dev.agentry.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class of the core the other modules (web-api, admin-jsf, batch-jobs) may call: a feature's boundary, most often
 * its {@code @Stateless} service. Besides boundaries they use only the core's value types — records, enums,
 * exceptions and annotations (constraints, qualifiers) — and nothing else of it; the rest of a feature is its own,
 * package-private where the platform allows (an EJB, a JSON-B bound record, a Bean Validation constraint or an
 * interceptor must stay public). The architecture tests of the calling modules hold them to this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Boundary {}
