package dev.agentry.core.publication;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A git repository the operator declared as a place runs may be published to
 * ({@code agentry.publication.targets}).
 *
 * @param name what a caller names it by
 * @param repository the repository's directory (its working tree, or a bare repository), absolute
 * @param baseBranch the branch publications are made on, or null for the branch HEAD points at
 */
public record PublicationTarget(String name, Path repository, String baseBranch) {

    public PublicationTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repository, "repository");
    }
}
