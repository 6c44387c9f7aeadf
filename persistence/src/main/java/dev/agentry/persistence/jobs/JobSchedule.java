package dev.agentry.persistence.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A job's configured schedule as the server last saw it: since when it has held and when it last fired.
 * A fire time after both that has already passed was missed while the server was down.
 */
@Entity
@Table(name = "job_schedule")
public class JobSchedule {

    public static final int EXPRESSION_MAX_LENGTH = 200;

    @Id
    @Column(name = "job_name", length = 100)
    private String jobName;

    @Column(name = "expression", nullable = false, length = EXPRESSION_MAX_LENGTH)
    private String expression;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "last_fired_at")
    private Instant lastFiredAt;

    protected JobSchedule() {
        // for JPA
    }

    public JobSchedule(String jobName, String expression, Instant registeredAt) {
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.expression = Objects.requireNonNull(expression, "expression");
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** A changed expression starts afresh: fire times of the old one are not owed. */
    public void expressedAs(String newExpression, Instant at) {
        if (!expression.equals(newExpression)) {
            this.expression = newExpression;
            this.registeredAt = at;
        }
    }

    public void fired(Instant at) {
        this.lastFiredAt = at;
    }

    /** Brings times a clock stepped back has left in the future down to {@code now}. */
    public void notLaterThan(Instant now) {
        if (registeredAt.isAfter(now)) {
            registeredAt = now;
        }
        if (lastFiredAt != null && lastFiredAt.isAfter(now)) {
            lastFiredAt = now;
        }
    }

    public String getJobName() {
        return jobName;
    }

    public String getExpression() {
        return expression;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public Instant getLastFiredAt() {
        return lastFiredAt;
    }
}
