/** The lifecycle route: version, deprecations, flags and credential risks (SPEC section 6). */
package dev.agentry.api.lifecycle;
