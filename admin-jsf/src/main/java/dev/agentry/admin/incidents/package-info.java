/** The console's operating pages: incidents with their history, and lifecycle risks by credential. */
package dev.agentry.admin.incidents;
