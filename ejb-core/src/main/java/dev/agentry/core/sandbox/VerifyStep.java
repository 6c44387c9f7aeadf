package dev.agentry.core.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * A command the operator declared, by name: the agent may ask for it to run, never for a command of
 * its own. The argument array goes to the process as is, no shell in between.
 *
 * @param workingDirectory relative to the workspace, checked like any workspace path
 */
public record VerifyStep(String name, List<String> command, String workingDirectory, Duration timeout) {

    public VerifyStep {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("verify step " + name + " has no command");
        }
    }
}
