/** The re-wrap job's steps: every stored secret moved under the current key-encryption key, then the retired keys removed. */
package dev.agentry.batch.secrets;
