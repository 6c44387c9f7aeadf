/** The retention job's bookkeeping: its passes and what each removed. */
package dev.agentry.persistence.retention;
