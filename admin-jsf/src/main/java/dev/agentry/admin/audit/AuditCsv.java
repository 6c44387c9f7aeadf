package dev.agentry.admin.audit;

import dev.agentry.core.audit.AuditExport;
import dev.agentry.core.audit.AuditService;
import dev.agentry.core.audit.AuditView;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An audit export as CSV (RFC 4180, a header row, newest first). A cell a spreadsheet would take for a
 * formula (it starts with {@code = + - @}, a tab or a carriage return) is prefixed with {@code '}: the trail
 * holds text that callers chose (a username tried at sign-in, a filter), and opening the file must never run
 * it. An export that stops short of its range says so in its last line, a {@code #} comment.
 */
final class AuditCsv {

    /** The columns, in order: each with the record's value it holds. */
    private static final List<Column> COLUMNS = List.of(
            new Column("sequence", AuditView::sequence),
            new Column("occurredAt", AuditView::occurredAt),
            new Column("actorKind", AuditView::actorKind),
            new Column("actorId", AuditView::actorId),
            new Column("credentialId", AuditView::credentialId),
            new Column("address", AuditView::address),
            new Column("requestId", AuditView::requestId),
            new Column("action", AuditView::action),
            new Column("target", AuditView::target),
            new Column("scope", AuditView::scope),
            new Column("approvalId", AuditView::approvalId),
            new Column("outcome", AuditView::outcome),
            new Column("errorCode", AuditView::errorCode),
            new Column("durationMs", AuditView::durationMs),
            new Column("hash", AuditView::hash));

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader(COLUMNS.stream().map(Column::name).toArray(String[]::new))
            .setCommentMarker('#')
            .get();

    private record Column(String name, Function<AuditView, Object> value) {}

    private AuditCsv() {}

    static void write(AuditExport export, Appendable out) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (AuditView record : export.records()) {
                for (Column column : COLUMNS) {
                    printer.print(guarded(column.value().apply(record)));
                }
                printer.println();
            }
            if (export.truncated()) {
                printer.printComment(truncationNote(export));
            }
        }
    }

    /** The last line of an export that stops short: why, and where the rest begins. */
    static String truncationNote(AuditExport export) {
        String why = AuditExport.ROW_LIMIT.equals(export.truncation())
                ? "at most " + AuditService.MAX_EXPORT + " records are exported at once"
                : "the export ran out of time";
        return "truncated: " + why + "; these are the newest "
                + export.records().size()
                + " of the range, down to sequence " + export.oldest()
                + ". Narrow the dates to export the older ones.";
    }

    /** The value as text, with a leading {@code '} where a spreadsheet would read it as a formula. */
    static String guarded(Object value) {
        String text = Objects.toString(value, "");
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
