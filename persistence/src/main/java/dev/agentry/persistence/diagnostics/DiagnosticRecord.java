package dev.agentry.persistence.diagnostics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * What one run of the diagnostics job saw: the schema version and the database product, written by
 * the job into the application's database. Its survival across redeploys and restarts is the proof
 * that the embedded database is durable.
 */
@Entity
@Table(name = "diagnostic_record")
@NamedQuery(
        name = "DiagnosticRecord.findByJobExecutionId",
        query = "select d from DiagnosticRecord d where d.jobExecutionId = :jobExecutionId")
public class DiagnosticRecord {

    public static final int NOTE_MAX_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_execution_id", nullable = false, unique = true)
    private long jobExecutionId;

    @Column(name = "note", length = NOTE_MAX_LENGTH)
    private String note;

    @Column(name = "schema_version", nullable = false, length = 50)
    private String schemaVersion;

    @Column(name = "database_product", nullable = false, length = 100)
    private String databaseProduct;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected DiagnosticRecord() {
        // for JPA
    }

    public DiagnosticRecord(
            long jobExecutionId, String note, String schemaVersion, String databaseProduct, Instant recordedAt) {
        this.jobExecutionId = jobExecutionId;
        this.note = note;
        this.schemaVersion = Objects.requireNonNull(schemaVersion, "schemaVersion");
        this.databaseProduct = Objects.requireNonNull(databaseProduct, "databaseProduct");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public Long getId() {
        return id;
    }

    public long getJobExecutionId() {
        return jobExecutionId;
    }

    public String getNote() {
        return note;
    }

    public String getSchemaVersion() {
        return schemaVersion;
    }

    public String getDatabaseProduct() {
        return databaseProduct;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
