package dev.agentry.core.jobs;

/** The life of a job execution, as the batch runtime reports it. */
public enum JobStatus {
    STARTING,
    STARTED,
    STOPPING,
    STOPPED,
    FAILED,
    COMPLETED,
    ABANDONED;

    /** Starting, started or stopping: the execution holds its job's turn. */
    public boolean running() {
        return this == STARTING || this == STARTED || this == STOPPING;
    }

    /** Failed or stopped: the only states a restart resumes from. */
    public boolean restartable() {
        return this == FAILED || this == STOPPED;
    }
}
