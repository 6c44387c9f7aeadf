/** Announcing where the application is, once it is ready. */
package dev.agentry.admin.startup;
