package dev.agentry.core.control.actions;

import dev.agentry.core.catalog.CatalogStore;
import dev.agentry.core.collections.CollectionDescriptor;
import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.control.GovernedAction;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.schema.Doc;
import dev.agentry.persistence.catalog.CustomerOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;

/**
 * {@code order.updateStatus}: moves an order forward — placed to paid or cancelled, paid to fulfilled
 * or cancelled. Any other move is {@code conflict}: a fulfilled or cancelled order is final.
 */
@ApplicationScoped
public class OrderUpdateStatus implements GovernedAction<OrderUpdateStatus.Input> {

    private static final Map<String, Set<String>> NEXT =
            Map.of("placed", Set.of("paid", "cancelled"), "paid", Set.of("fulfilled", "cancelled"));

    @Doc("An order's next status")
    public record Input(
            @NotBlank(message = "is required") @Size(max = 36) @Doc("The order's uid")
            String id,

            @NotNull(message = "is required") @Min(0) @Doc("The order's version as last read")
            Long expectedVersion,

            @NotNull(message = "is required")
            @Pattern(regexp = "paid|fulfilled|cancelled", message = "is paid, fulfilled or cancelled")
            @Doc("paid, fulfilled or cancelled")
            String status) {}

    @Inject
    CatalogStore store;

    @Inject
    CatalogTargets targets;

    @Override
    public String name() {
        return "order.updateStatus";
    }

    @Override
    public String description() {
        return "Move an order to paid, fulfilled or cancelled";
    }

    @Override
    public Class<Input> input() {
        return Input.class;
    }

    @Override
    public CollectionDescriptor collection() {
        return CatalogTargets.collectionOf(CustomerOrder.class);
    }

    @Override
    public ActionEffect apply(Input input) {
        CustomerOrder order = targets.current(CustomerOrder.class, input.id(), input.expectedVersion());
        if (!NEXT.getOrDefault(order.getStatus(), Set.of()).contains(input.status())) {
            throw new AgentryException(
                    ErrorCode.CONFLICT,
                    "An order that is " + order.getStatus() + " cannot become " + input.status() + ".");
        }
        Map<String, Object> before = order.snapshot();
        switch (input.status()) {
            case "paid" -> order.markPaid();
            case "fulfilled" -> order.fulfil();
            default -> order.cancel();
        }
        return ActionEffect.updated(before, store.update(order));
    }
}
