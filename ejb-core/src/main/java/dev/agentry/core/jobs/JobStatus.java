package dev.agentry.core.jobs;

/** The life of a job execution, as the batch runtime reports it. */
public enum JobStatus {
    STARTING,
    STARTED,
    STOPPING,
    STOPPED,
    FAILED,
    COMPLETED,
    ABANDONED
}
