package dev.agentry.batch.catalog;

import dev.agentry.core.catalog.ImportFiles;
import dev.agentry.core.json.Jsonp;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads an import file line by line: JSON lines ({@code .jsonl}, one object per line) or CSV ({@code
 * .csv}, a header row naming the fields, one of them {@code collection}). The checkpoint is the line
 * number, so a restarted execution continues after the last committed chunk.
 */
@Named
@Dependent
public class ImportFileReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String file;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir")
    String dataDir;

    private BufferedReader lines;
    private List<String> header;
    private long lineNumber;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        lines = Files.newBufferedReader(ImportFiles.directory(dataDir).resolve(file), StandardCharsets.UTF_8);
        if (csv()) {
            String first = lines.readLine();
            lineNumber = 1;
            header = first == null ? List.of() : CsvLine.split(first);
        }
        long resumeAfter = checkpoint == null ? 0 : (Long) checkpoint;
        while (lineNumber < resumeAfter && lines.readLine() != null) {
            lineNumber++;
        }
    }

    @Override
    public Object readItem() throws IOException {
        String line;
        do {
            line = lines.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
        } while (line.isBlank());
        return csv() ? fromCsv(line) : fromJson(line);
    }

    @Override
    public Serializable checkpointInfo() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
    }

    private boolean csv() {
        return file.toLowerCase().endsWith(".csv");
    }

    private ImportLine fromJson(String line) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(line))) {
            return ImportLine.of(lineNumber, reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            return ImportLine.unreadable(lineNumber, "not a JSON object");
        }
    }

    private ImportLine fromCsv(String line) {
        List<String> values = CsvLine.split(line);
        if (values.size() != header.size()) {
            return ImportLine.unreadable(lineNumber, values.size() + " values for " + header.size() + " columns");
        }
        JsonObjectBuilder record = Jsonp.createObjectBuilder();
        for (int i = 0; i < header.size(); i++) {
            if (!values.get(i).isEmpty()) {
                record.add(header.get(i), values.get(i));
            }
        }
        JsonObject built = record.build();
        return ImportLine.of(lineNumber, built);
    }
}
