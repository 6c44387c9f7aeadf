/** Task templates: listed, and rendered when a run is submitted as {template, parameters} (SPEC section 6). */
package dev.agentry.api.templates;
