package dev.agentry.batch.runtime;

import dev.agentry.core.jobs.JobControl;
import dev.agentry.core.jobs.JobExecutionFilter;
import dev.agentry.core.jobs.JobStatus;
import dev.agentry.core.jobs.RunningExecution;
import dev.agentry.core.jobs.StepView;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Reads (and, for interrupted executions, corrects) JBeret's JDBC job repository with SQL, for what its
 * {@code JobOperator} cannot answer efficiently: a filtered, keyset-paged listing of executions across
 * jobs, and each step's metrics with its recorded failure. The tables are JBeret's own ({@code JOB_INSTANCE},
 * {@code JOB_EXECUTION}, {@code STEP_EXECUTION}, created by it on first use), on the repository's own datasource.
 */
@ApplicationScoped
class JobRepositoryTables {

    static final List<String> RUNNING = List.of("STARTING", "STARTED", "STOPPING");

    @Resource(lookup = "java:jboss/datasources/AgentryBatchDS")
    DataSource repository;

    List<Long> executionIds(JobExecutionFilter filter, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT e.JOBEXECUTIONID FROM JOB_EXECUTION e JOIN JOB_INSTANCE i"
                + " ON e.JOBINSTANCEID = i.JOBINSTANCEID WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (filter.job() != null) {
            sql.append(" AND i.JOBNAME = ?");
            parameters.add(filter.job());
        }
        if (filter.status() != null) {
            sql.append(" AND e.BATCHSTATUS = ?");
            parameters.add(filter.status().name());
        }
        if (filter.since() != null) {
            sql.append(" AND e.CREATETIME >= ?");
            parameters.add(Timestamp.from(filter.since()));
        }
        if (beforeId != null) {
            sql.append(" AND e.JOBEXECUTIONID < ?");
            parameters.add(beforeId);
        }
        sql.append(" ORDER BY e.JOBEXECUTIONID DESC");
        return ids(sql.toString(), parameters, limit);
    }

    List<Long> runningExecutionIds(String jobName) {
        return ids(
                "SELECT e.JOBEXECUTIONID FROM JOB_EXECUTION e JOIN JOB_INSTANCE i ON e.JOBINSTANCEID = i.JOBINSTANCEID"
                        + " WHERE i.JOBNAME = ? AND e.BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING')"
                        + " ORDER BY e.JOBEXECUTIONID DESC",
                List.of(jobName),
                100);
    }

    List<StepView> steps(long executionId, Clock clock) {
        String sql = "SELECT STEPNAME, BATCHSTATUS, EXITSTATUS, STARTTIME, ENDTIME, READCOUNT, WRITECOUNT, FILTERCOUNT,"
                + " READSKIPCOUNT, PROCESSSKIPCOUNT, WRITESKIPCOUNT, COMMITCOUNT, ROLLBACKCOUNT, EXECUTIONEXCEPTION"
                + " FROM STEP_EXECUTION WHERE JOBEXECUTIONID = ? ORDER BY STEPEXECUTIONID";
        List<StepView> steps = new ArrayList<>();
        try (Connection connection = repository.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, executionId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Instant started = instant(row.getTimestamp("STARTTIME"));
                    Instant ended = instant(row.getTimestamp("ENDTIME"));
                    Long duration = started == null
                            ? null
                            : Math.max(
                                    0,
                                    (ended == null ? clock.instant() : ended).toEpochMilli() - started.toEpochMilli());
                    steps.add(new StepView(
                            row.getString("STEPNAME"),
                            JobStatus.valueOf(row.getString("BATCHSTATUS")),
                            row.getString("EXITSTATUS"),
                            started,
                            ended,
                            duration,
                            row.getLong("READCOUNT"),
                            row.getLong("WRITECOUNT"),
                            row.getLong("FILTERCOUNT"),
                            row.getLong("READSKIPCOUNT")
                                    + row.getLong("PROCESSSKIPCOUNT")
                                    + row.getLong("WRITESKIPCOUNT"),
                            row.getLong("COMMITCOUNT"),
                            row.getLong("ROLLBACKCOUNT"),
                            row.getString("EXECUTIONEXCEPTION")));
                }
            }
        } catch (SQLException e) {
            if (missingTables(e)) {
                return List.of();
            }
            throw new IllegalStateException("The job repository cannot be read", e);
        }
        return steps;
    }

    List<RunningExecution> runningExecutions(Collection<String> jobNames) {
        if (jobNames.isEmpty()) {
            return List.of();
        }
        String names = String.join(", ", Collections.nCopies(jobNames.size(), "?"));
        String sql = "SELECT e.JOBEXECUTIONID, i.JOBNAME, e.JOBPARAMETERS FROM JOB_EXECUTION e JOIN JOB_INSTANCE i"
                + " ON e.JOBINSTANCEID = i.JOBINSTANCEID WHERE i.JOBNAME IN (" + names + ") AND e.BATCHSTATUS IN"
                + " ('STARTING', 'STARTED', 'STOPPING') ORDER BY e.JOBEXECUTIONID";
        List<RunningExecution> running = new ArrayList<>();
        try (Connection connection = repository.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            for (String name : jobNames) {
                select.setString(i++, name);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    running.add(new RunningExecution(row.getLong(1), row.getString(2), node(row.getString(3))));
                }
            }
        } catch (SQLException e) {
            if (missingTables(e)) {
                return List.of();
            }
            throw new IllegalStateException("The job repository cannot be read", e);
        }
        return running;
    }

    /** The node among JBeret's stored parameters (one {@code name = value} per line, as properties read them). */
    static String node(String storedParameters) {
        if (storedParameters == null || storedParameters.isEmpty()) {
            return null;
        }
        Properties parameters = new Properties();
        try {
            parameters.load(new StringReader(storedParameters));
        } catch (IOException | IllegalArgumentException e) {
            return null; // unreadable: taken for an execution of before nodes were recorded
        }
        return parameters.getProperty(JobControl.NODE_PARAMETER);
    }

    /** Fails those of the executions that are still running; their running steps with them. */
    int failInterrupted(Collection<Long> executionIds, Instant now) {
        if (executionIds.isEmpty()) {
            return 0;
        }
        String running = "BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING')";
        String ids = String.join(", ", Collections.nCopies(executionIds.size(), "?"));
        try (Connection connection = repository.getConnection();
                PreparedStatement steps =
                        connection.prepareStatement("UPDATE STEP_EXECUTION SET BATCHSTATUS = 'FAILED',"
                                + " EXITSTATUS = 'INTERRUPTED', ENDTIME = ? WHERE " + running
                                + " AND JOBEXECUTIONID IN (" + ids
                                + ")");
                PreparedStatement jobs = connection.prepareStatement("UPDATE JOB_EXECUTION SET BATCHSTATUS = 'FAILED',"
                        + " EXITSTATUS = 'INTERRUPTED', ENDTIME = ?, LASTUPDATEDTIME = ? WHERE " + running
                        + " AND JOBEXECUTIONID IN (" + ids + ")")) {
            Timestamp at = Timestamp.from(now);
            steps.setTimestamp(1, at);
            jobs.setTimestamp(1, at);
            jobs.setTimestamp(2, at);
            int i = 0;
            for (long id : executionIds) {
                steps.setLong(2 + i, id);
                jobs.setLong(3 + i, id);
                i++;
            }
            steps.executeUpdate();
            return jobs.executeUpdate();
        } catch (SQLException e) {
            if (missingTables(e)) {
                return 0;
            }
            throw new IllegalStateException("The job repository cannot be corrected", e);
        }
    }

    List<Long> finishedBefore(Instant endedBefore, long afterId, int limit) {
        return ids(
                "SELECT JOBEXECUTIONID FROM JOB_EXECUTION WHERE JOBEXECUTIONID > ? AND ENDTIME < ?"
                        + " AND BATCHSTATUS IN ('COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED') ORDER BY JOBEXECUTIONID",
                List.of(afterId, Timestamp.from(endedBefore)),
                limit);
    }

    /**
     * Removes the executions (their steps and partitions go with them: the tables cascade), then the job
     * instances they belonged to that have no execution left. Only those instances: a job being started
     * has an instance without an execution for a moment, and it must stay.
     */
    int removeExecutions(List<Long> executionIds, Instant endedBefore) {
        if (executionIds.isEmpty()) {
            return 0;
        }
        String ids = String.join(", ", Collections.nCopies(executionIds.size(), "?"));
        try (Connection connection = repository.getConnection();
                PreparedStatement instances = connection.prepareStatement(
                        "SELECT DISTINCT JOBINSTANCEID FROM JOB_EXECUTION WHERE JOBEXECUTIONID IN (" + ids + ")");
                PreparedStatement executions = connection.prepareStatement("DELETE FROM JOB_EXECUTION WHERE"
                        + " JOBEXECUTIONID IN (" + ids + ") AND ENDTIME < ?"
                        + " AND BATCHSTATUS IN ('COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED')");
                PreparedStatement orphans =
                        connection.prepareStatement("DELETE FROM JOB_INSTANCE WHERE JOBINSTANCEID = ?"
                                + " AND NOT EXISTS (SELECT 1 FROM JOB_EXECUTION e WHERE e.JOBINSTANCEID = ?)")) {
            List<Long> instanceIds = new ArrayList<>();
            for (int i = 0; i < executionIds.size(); i++) {
                instances.setLong(i + 1, executionIds.get(i));
                executions.setLong(i + 1, executionIds.get(i));
            }
            try (ResultSet row = instances.executeQuery()) {
                while (row.next()) {
                    instanceIds.add(row.getLong(1));
                }
            }
            executions.setTimestamp(executionIds.size() + 1, Timestamp.from(endedBefore));
            int removed = executions.executeUpdate();
            for (long instance : instanceIds) {
                orphans.setLong(1, instance);
                orphans.setLong(2, instance);
                orphans.executeUpdate();
            }
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("The job repository cannot be trimmed", e);
        }
    }

    private List<Long> ids(String sql, List<Object> parameters, int limit) {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = repository.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(limit);
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        } catch (SQLException e) {
            if (missingTables(e)) {
                return List.of(); // no job has run yet: JBeret creates its tables on first use
            }
            throw new IllegalStateException("The job repository cannot be read", e);
        }
        return ids;
    }

    /** H2 and PostgreSQL both report an unknown table with SQL state 42S02 / 42P01. */
    private static boolean missingTables(SQLException e) {
        return "42S02".equals(e.getSQLState()) || "42P01".equals(e.getSQLState());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
