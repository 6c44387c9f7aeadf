package dev.agentry.it.harness;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Walks a paged listing ({@code data}, {@code hasMore}, {@code nextCursor}) from start to end. */
public final class Pages {

    private Pages() {}

    /** Every item of every page of {@code path} (which already has a query string). */
    public static List<JsonObject> walk(String path, String... headers) {
        List<JsonObject> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = Api.json(Api.get(
                    path + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    headers));
            items.addAll(page.getJsonArray("data").getValuesAs(JsonObject.class));
            cursor = page.getBoolean("hasMore") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        return items;
    }
}
