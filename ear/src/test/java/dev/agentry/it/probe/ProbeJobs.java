package dev.agentry.it.probe;

import dev.agentry.core.jobs.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

/**
 * Test-only jobs (their XML and {@link ProbeBatchlet} go into the batch module): one that takes as long as it
 * is told and can be stopped, one that fails with a secret in its message, one scheduled every two seconds
 * that runs longer than that (so overlapping ticks must be skipped), and one scheduled once a year (so a
 * run at start can only be a missed one).
 */
@ApplicationScoped
public class ProbeJobs {

    public static final String SLOW = "probe-slow";
    public static final String FAIL = "probe-fail";
    public static final String TICK = "probe-tick";
    public static final String YEARLY = "probe-yearly";

    @Produces
    @Named(SLOW)
    JobDefinition slow() {
        return JobDefinition.operated(SLOW, "Test: sleeps as long as told", JobDefinition.OFF, "millis");
    }

    @Produces
    @Named(FAIL)
    JobDefinition fail() {
        return JobDefinition.operated(FAIL, "Test: fails", JobDefinition.OFF);
    }

    @Produces
    @Named(TICK)
    JobDefinition tick() {
        return JobDefinition.operated(TICK, "Test: every two seconds, runs for longer", "*/2 * * * * ?");
    }

    @Produces
    @Named(YEARLY)
    JobDefinition yearly() {
        return JobDefinition.operated(YEARLY, "Test: once a year", "0 0 0 1 1 ?");
    }
}
