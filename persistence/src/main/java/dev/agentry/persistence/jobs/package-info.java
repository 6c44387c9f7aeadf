/** What the application keeps about its batch jobs beside the job repository: their schedules' history. */
package dev.agentry.persistence.jobs;
