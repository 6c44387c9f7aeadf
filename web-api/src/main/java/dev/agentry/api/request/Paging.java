package dev.agentry.api.request;

import dev.agentry.core.cursor.PageLimit;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters of every cursor-paged list ({@code @BeanParam}); converted by {@link QueryValues}. */
public class Paging {

    @QueryParam("limit")
    @Parameter(
            description = "Page size, 1-200; 50 when absent",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
    PageLimit limit;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page")
    String cursor;

    /** The page size asked for, or the standard one. */
    public PageLimit limit() {
        return limit == null ? PageLimit.STANDARD : limit;
    }

    public String cursor() {
        return cursor;
    }
}
