/** The console's first page: is the system ready, and what needs attention. */
package dev.agentry.admin.dashboard;
