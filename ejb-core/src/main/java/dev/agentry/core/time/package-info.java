/** The application's notion of now, injectable so time-dependent rules can be tested. */
package dev.agentry.core.time;
