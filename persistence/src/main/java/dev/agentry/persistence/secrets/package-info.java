/** How rows hold secrets: sealed envelopes, and the clear values of rows from before sealing. */
package dev.agentry.persistence.secrets;
