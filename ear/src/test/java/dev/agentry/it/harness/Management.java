package dev.agentry.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/** Management operations on the test server, as an operator would run them with the CLI. */
public final class Management {

    private Management() {}

    /** Runs an operation and returns its result; fails the test when the server refuses it. */
    public static ModelNode execute(ModelNode operation) {
        try (ModelControllerClient client =
                ModelControllerClient.Factory.create("localhost", Integer.getInteger("it.management-port", 10090))) {
            ModelNode outcome = client.execute(operation);
            if (!"success".equals(outcome.get("outcome").asString())) {
                throw new AssertionError("management operation failed: " + operation + " -> " + outcome);
            }
            return outcome.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An operation on a resource address given as name/value pairs, e.g. {@code "subsystem", "batch-jberet"}. */
    public static ModelNode operation(String name, String... address) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        ModelNode path = operation.get("address").setEmptyList();
        for (int i = 0; i < address.length; i += 2) {
            path.add(address[i], address[i + 1]);
        }
        return operation;
    }
}
