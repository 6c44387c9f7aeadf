/**
 * The tools an agent may call: named, categorised, described by a JSON Schema of their arguments,
 * and executed through one executor that records every call.
 */
package dev.agentry.core.tools;
