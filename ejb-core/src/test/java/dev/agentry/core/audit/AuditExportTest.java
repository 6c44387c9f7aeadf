package dev.agentry.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditExportTest {

    @Test
    void theExportsAuditRecordNamesItsFilterAndRowCount() {
        AuditSearch filters = new AuditSearch(
                Instant.parse("2026-12-01T00:00:00Z"),
                null,
                "admin",
                "run.",
                AuditOutcome.FAILED,
                null,
                null,
                null,
                500);

        assertEquals(
                "rows=0 since=2026-12-01T00:00:00Z outcome=failed actor=admin action=run.",
                AuditService.exportTarget(filters, new AuditExport(List.of(), null)));
        assertEquals(
                "rows=0 truncated=row_limit",
                AuditService.exportTarget(
                        new AuditSearch(null, null, null, null, null, null, null, null, 500),
                        new AuditExport(List.of(), AuditExport.ROW_LIMIT)));
    }

    @Test
    void aLongFilterIsCutToTheTargetColumn() {
        AuditSearch filters = new AuditSearch(null, null, null, "x".repeat(400), null, null, null, null, 500);

        String target = AuditService.exportTarget(filters, new AuditExport(List.of(), null));
        assertEquals(200, target.length());
        assertTrue(target.startsWith("rows=0 action=xxx"), target);
    }
}
