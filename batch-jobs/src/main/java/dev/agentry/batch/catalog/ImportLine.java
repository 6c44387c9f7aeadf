package dev.agentry.batch.catalog;

import jakarta.json.JsonObject;

/** One record of an import file, with the line it came from (1 is the first line of the file). */
record ImportLine(long number, JsonObject record, String problem) {

    static ImportLine of(long number, JsonObject record) {
        return new ImportLine(number, record, null);
    }

    static ImportLine unreadable(long number, String problem) {
        return new ImportLine(number, null, problem);
    }
}
