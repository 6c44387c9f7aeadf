package dev.agentry.api.webhooks;

import dev.agentry.api.capabilities.ApiSurface;
import dev.agentry.api.capabilities.Stability;
import dev.agentry.api.policy.Caller;
import dev.agentry.api.request.Paging;
import dev.agentry.api.request.ValidatedAs;
import dev.agentry.core.cursor.Page;
import dev.agentry.core.validation.Creation;
import dev.agentry.core.webhooks.DeadLetterView;
import dev.agentry.core.webhooks.DeliveryView;
import dev.agentry.core.webhooks.ReplayRequest;
import dev.agentry.core.webhooks.ReplayResult;
import dev.agentry.core.webhooks.SubscriptionRequest;
import dev.agentry.core.webhooks.SubscriptionSecret;
import dev.agentry.core.webhooks.SubscriptionView;
import dev.agentry.core.webhooks.WebhookDeliveries;
import dev.agentry.core.webhooks.WebhookSubscriptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Webhook subscriptions of the calling credential, their deliveries, and its dead-letter queue. */
@Path("/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@ApiSurface(value = "webhooks", stability = Stability.STABLE)
public class WebhooksResource {

    /** The answer to a test send: the id of the webhook.test event queued for delivery. */
    public record TestSent(@NotNull String eventId) {}

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Path("subscriptions")
    @RolesAllowed("webhooks:manage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Subscribe a URL to event types",
            description = "Body {url, events[], description}. The response carries the whsec_ signing secret;"
                    + " it is never shown again.")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed, at the Location given",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionSecret.class)))
    public Response subscribe(@ValidatedAs(Creation.class) SubscriptionRequest request) {
        SubscriptionSecret created = subscriptions.create(caller.credentialId(), request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.subscription().id())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("subscriptions")
    @RolesAllowed("webhooks:manage")
    @Operation(summary = "The calling credential's subscriptions")
    public Page<SubscriptionView> list() {
        return Page.whole(subscriptions.list(caller.credentialId()));
    }

    @GET
    @Path("subscriptions/{id}")
    @RolesAllowed("webhooks:manage")
    @Operation(summary = "One subscription")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions.get(caller.credentialId(), id);
    }

    @PATCH
    @Path("subscriptions/{id}")
    @RolesAllowed("webhooks:manage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change url, events, description or status (active, disabled)")
    public SubscriptionView change(@PathParam("id") String id, SubscriptionRequest request) {
        return subscriptions.update(caller.credentialId(), id, request);
    }

    @DELETE
    @Path("subscriptions/{id}")
    @RolesAllowed("webhooks:manage")
    @Operation(summary = "Delete a subscription with its deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(caller.credentialId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("subscriptions/{id}/rotate-secret")
    @RolesAllowed("webhooks:manage")
    @Operation(
            summary = "Rotate the signing secret",
            description = "The new secret is shown once; deliveries carry a signature under each secret until"
                    + " previousSecretValidUntil.")
    public SubscriptionSecret rotate(@PathParam("id") String id) {
        return subscriptions.rotateSecret(caller.credentialId(), id);
    }

    @POST
    @Path("subscriptions/{id}/test")
    @RolesAllowed("webhooks:manage")
    @Operation(summary = "Send a webhook.test event to this subscription")
    @APIResponse(
            responseCode = "202",
            description = "Queued for delivery",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestSent.class)))
    public Response test(@PathParam("id") String id) {
        return Response.accepted(new TestSent(subscriptions.test(caller.credentialId(), id)))
                .build();
    }

    @GET
    @Path("subscriptions/{id}/deliveries")
    @RolesAllowed("webhooks:manage")
    @Operation(summary = "The subscription's deliveries with their attempts, newest first")
    public Page<DeliveryView> deliveries(@PathParam("id") String id, @BeanParam Paging paging) {
        return deliveries.history(caller.credentialId(), id, paging.limit(), paging.cursor());
    }

    @GET
    @Path("dlq")
    @RolesAllowed("webhooks:dlq:read")
    @Operation(summary = "Dead-lettered deliveries, oldest first; filters subscriptionId, eventType, failedSince")
    public Page<DeadLetterView> deadLetters(
            @QueryParam("subscriptionId") String subscriptionId,
            @QueryParam("eventType") String eventType,
            @QueryParam("failedSince") Instant failedSince,
            @BeanParam Paging paging) {
        return deliveries.deadLetters(
                caller.credentialId(), subscriptionId, eventType, failedSince, paging.limit(), paging.cursor());
    }

    @POST
    @Path("dlq/replay")
    @RolesAllowed("webhooks:dlq:replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replay dead letters: {ids:[...]} or {failedSince}",
            description = "At most 100 at a time. Each keeps its webhook-id and is signed anew with the current"
                    + " secret and a fresh timestamp. A dead letter whose subscription is disabled is refused and"
                    + " stays dead (listed in errors); when nothing could be replayed for such a conflict, the"
                    + " request is 409 conflict saying why.")
    @APIResponse(responseCode = "200", description = "What was replayed, and each refusal with its reason")
    @APIResponse(responseCode = "409", description = "Nothing replayed: the subscriptions are disabled (conflict)")
    public ReplayResult replay(ReplayRequest request) {
        return deliveries.replay(caller.credentialId(), request);
    }
}
