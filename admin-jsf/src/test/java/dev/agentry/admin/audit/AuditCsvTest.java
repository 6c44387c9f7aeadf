package dev.agentry.admin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.core.audit.AuditExport;
import dev.agentry.core.audit.AuditView;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void aCellASpreadsheetWouldTakeForAFormulaIsQuotedAsText() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, AuditCsv.guarded(formula), formula);
        }
        assertEquals("admin.login", AuditCsv.guarded("admin.login"));
        assertEquals("", AuditCsv.guarded(null));
        assertEquals("42", AuditCsv.guarded(42L));
    }

    @Test
    void theFileHasAHeaderRowsNewestFirstAndNoNoteWhenWhole() throws IOException {
        StringBuilder out = new StringBuilder();
        AuditCsv.write(new AuditExport(List.of(record(2, "=HYPERLINK(\"x\")"), record(1, "c1")), null), out);

        String[] lines = out.toString().split("\r\n");
        assertEquals(
                "sequence,occurredAt,actorKind,actorId,credentialId,address,requestId,action,target,scope,"
                        + "approvalId,outcome,errorCode,durationMs,hash",
                lines[0]);
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("2,") && lines[1].contains(",\"'=HYPERLINK(\"\"x\"\")\","), lines[1]);
        assertTrue(lines[2].startsWith("1,"), lines[2]);
    }

    @Test
    void aTruncatedExportSaysSoInItsLastLine() throws IOException {
        StringBuilder out = new StringBuilder();
        AuditCsv.write(new AuditExport(List.of(record(9, "c1")), AuditExport.ROW_LIMIT), out);

        String[] lines = out.toString().split("\r\n");
        assertTrue(lines[lines.length - 1].startsWith("# truncated: at most 10000 records"), lines[lines.length - 1]);
        assertTrue(lines[lines.length - 1].contains("down to sequence 9"), lines[lines.length - 1]);
    }

    private static AuditView record(long sequence, String target) {
        return new AuditView(
                sequence,
                Instant.parse("2026-12-04T10:00:00Z"),
                "admin",
                "admin",
                null,
                "127.0.0.1",
                "r-" + sequence,
                "admin.login",
                target,
                null,
                null,
                "denied",
                "auth_invalid",
                3L,
                null,
                "h" + sequence);
    }
}
