/** Console administrator accounts. */
package dev.agentry.persistence.admin;
