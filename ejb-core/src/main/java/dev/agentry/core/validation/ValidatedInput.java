package dev.agentry.core.validation;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A boundary whose {@code @Valid} parameters are checked on entry, whoever calls it (API, console,
 * batch), and refused as {@code validation_failed} naming every field; see {@link InputValidation}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ValidatedInput {}
