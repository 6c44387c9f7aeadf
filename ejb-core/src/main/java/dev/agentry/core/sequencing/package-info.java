/** Working off backlogs of committed rows in transactions of constant size. */
package dev.agentry.core.sequencing;
