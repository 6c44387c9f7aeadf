package dev.agentry.api.openapi;

import dev.agentry.api.auth.TokenEndpoint;
import dev.agentry.api.problem.Problem;
import dev.agentry.core.problem.ErrorCode;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problems every operation can answer, as {@code application/problem+json} {@link
 * Problem}s. The ones that follow from the route's shape come from here — a token route can answer
 * 401, 403 and 429, a route with parameters or a body 400, one with a path parameter 404, one with a
 * body 413 and 415, and any route 406 — as shared {@code components.responses} whose descriptions list
 * the {@link ErrorCode}s of that status. A resource states the rest (a 409 of its own, a 410) with
 * {@code @APIResponse(responseCode = ..., description = ...)}; this gives those the Problem body too.
 * The token endpoint answers RFC 6749 errors instead, and states them itself.
 */
final class ProblemResponses {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private ProblemResponses() {}

    static void document(OpenAPI openAPI) {
        TreeSet<Integer> used = new TreeSet<>();
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) ->
                        item.getOperations().values().forEach(operation -> used.addAll(document(path, operation))));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        used.forEach(status -> components.addResponse(name(status), shared(status)));
    }

    /** Completes the operation's responses; answers the statuses it now refers to as shared responses. */
    private static TreeSet<Integer> document(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        TreeSet<Integer> statuses = new TreeSet<>();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasPathParameter =
                hasParameters && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean needsToken = operation.getSecurity() != null
                && operation.getSecurity().stream()
                        .anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
        if (path.equals(TokenEndpoint.URI)) {
            statuses.add(429); // a rate limit is a problem here too; every other refusal is an OAuth error
        } else {
            if (hasBody || hasParameters) {
                statuses.add(400);
            }
            if (needsToken) {
                statuses.addAll(List.of(401, 403, 429));
            }
            if (hasPathParameter) {
                statuses.add(404);
            }
            statuses.add(406);
            if (hasBody) {
                statuses.addAll(List.of(413, 415));
            }
        }
        TreeSet<Integer> referred = new TreeSet<>();
        for (int status : statuses) {
            String code = Integer.toString(status);
            if (responses.getAPIResponse(code) == null) {
                responses.addAPIResponse(
                        code, OASFactory.createAPIResponse().ref("#/components/responses/" + name(status)));
                referred.add(status);
            }
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.matches("[45]\\d\\d") && response.getRef() == null && response.getContent() == null) {
                response.setContent(problem());
            }
        });
        return referred;
    }

    /** {@code BadRequest}, {@code TooManyRequests}: the status's reason phrase. */
    static String name(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String phrase = known == null ? "Status " + status : known.getReasonPhrase();
        return Arrays.stream(phrase.split("[^A-Za-z0-9]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }

    private static APIResponse shared(int status) {
        return OASFactory.createAPIResponse().description(description(status)).content(problem());
    }

    /** e.g. 401: "A problem with code auth_invalid (...), auth_missing (...) or token_expired (...)." */
    private static String description(int status) {
        List<String> codes = Arrays.stream(ErrorCode.values())
                .filter(c -> c.status() == status)
                .sorted(Comparator.comparing(ErrorCode::code))
                .map(c -> c.code() + " (" + c.title() + ")")
                .toList();
        if (codes.isEmpty()) {
            return "A problem document.";
        }
        String last = codes.get(codes.size() - 1);
        return "A problem with code "
                + (codes.size() == 1 ? last : String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + last)
                + ".";
    }

    private static Content problem() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
