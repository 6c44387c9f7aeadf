package dev.agentry.core.tools;

import jakarta.json.JsonObject;

/**
 * A tool as agents and operators see it.
 *
 * @param category what policies may name instead of each tool: {@code workspace}, {@code verify},
 *     {@code catalog}
 * @param arguments JSON Schema (draft 2020-12) of the call's arguments
 * @param needsCatalogScope true when only a run whose effective scopes read some collection may have it
 */
public record ToolDescriptor(
        String name, String category, String description, JsonObject arguments, boolean needsCatalogScope) {}
