package dev.agentry.core.control.actions;

import dev.agentry.core.control.ActionEffect;
import dev.agentry.core.policy.Grant;
import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.ErrorCode;
import dev.agentry.core.schema.Doc;
import dev.agentry.persistence.catalog.CustomerOrder;
import jakarta.enterprise.context.ApplicationScoped;
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
public class OrderUpdateStatus extends CatalogAction<OrderUpdateStatus.Input> {

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

    public OrderUpdateStatus() {
        super("order.updateStatus", "Move an order to paid, fulfilled or cancelled", Input.class, CustomerOrder.class);
    }

    @Override
    public ActionEffect apply(Grant grant, Input input) {
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
