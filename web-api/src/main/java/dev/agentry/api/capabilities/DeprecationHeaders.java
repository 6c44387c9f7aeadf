package dev.agentry.api.capabilities;

import dev.agentry.api.ApiApplication;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Announces a {@link DeprecatedRoute} on every answer, refusals included: {@code Deprecation: @<epoch
 * seconds>} (RFC 9745, a structured-field date), {@code Sunset: <HTTP-date>} (RFC 8594), and {@code Link}
 * to the successor ({@code successor-version}) and to where deprecations are described ({@code deprecation}).
 */
@Provider
public class DeprecationHeaders implements ContainerResponseFilter {

    private static final String API_ROOT = "/api" + ApiApplication.PATH;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource.getResourceMethod();
        DeprecatedRoute deprecated = method == null ? null : method.getAnnotation(DeprecatedRoute.class);
        if (deprecated == null) {
            return;
        }
        response.getHeaders()
                .putSingle(
                        "Deprecation", "@" + Instant.parse(deprecated.since()).getEpochSecond());
        response.getHeaders()
                .putSingle(
                        "Sunset",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                Instant.parse(deprecated.sunset()).atOffset(ZoneOffset.UTC)));
        response.getHeaders().add("Link", "<" + API_ROOT + deprecated.successor() + ">; rel=\"successor-version\"");
        response.getHeaders().add("Link", "<" + API_ROOT + "/lifecycle>; rel=\"deprecation\"");
    }
}
