package dev.agentry.core.publication;

import dev.agentry.core.problem.AgentryException;
import dev.agentry.core.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The operator's publication settings (README, "Configuration"): the declared targets, the commit
 * author, and the bounds of one publication. A bad declaration never stops the server: it is said once
 * at startup and the target it concerns is unusable (a caller naming it is refused). The repository
 * itself is checked at startup and again at every use, since it may be created, moved or reconfigured
 * while the server runs.
 */
@ApplicationScoped
public class PublicationTargets {

    private static final Logger LOG = Logger.getLogger(PublicationTargets.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern AUTHOR =
            Pattern.compile("\\s*([^<>\\p{Cntrl}]*[^<>\\s\\p{Cntrl}])\\s*<([^<>\\s]+@[^<>\\s]+)>\\s*");

    /**
     * What {@code agentry.publication.targets} declares.
     *
     * @param targets the well-formed declarations, by name, in the order given
     * @param unusable names declared but unusable (malformed or declared twice), with why
     * @param problems every problem found, as a sentence for the log
     */
    public record Declared(
            Map<String, PublicationTarget> targets, Map<String, String> unusable, List<String> problems) {

        public Declared {
            targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
            unusable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unusable));
            problems = List.copyOf(problems);
        }
    }

    /** A commit author as {@code Name <email>}. */
    public record Author(String name, String email) {

        public PersonIdent at(Instant when) {
            return new PersonIdent(name, email, when, ZoneOffset.UTC);
        }
    }

    @Inject
    @ConfigProperty(name = "agentry.publication.targets")
    Optional<String> targetsProperty;

    @Inject
    @ConfigProperty(name = "agentry.publication.author", defaultValue = "Agentry <agentry@localhost>")
    String authorProperty;

    @Inject
    @ConfigProperty(name = "agentry.publication.timeout", defaultValue = "PT30S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "agentry.publication.max-patch-bytes", defaultValue = "33554432")
    long maxPatchBytes;

    private volatile Declared declared;

    /**
     * Reads {@code name=/absolute/path[#branch]} entries, comma-separated. A name is 1–64 letters,
     * digits, {@code . _ -}; a name declared twice is unusable under both (which one was meant cannot be
     * told); the path must be absolute; the branch, if given, a valid branch name.
     */
    public static Declared declare(String property) {
        Map<String, PublicationTarget> targets = new LinkedHashMap<>();
        Map<String, String> unusable = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String raw : property == null ? new String[0] : property.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry : entry.substring(0, equals).strip();
            String why = null;
            PublicationTarget target = null;
            if (!NAME.matcher(name).matches()) {
                problems.add(
                        "agentry.publication.targets: '" + shown(entry)
                                + "' ignored: expected name=/absolute/path[#branch], the name 1-64 letters, digits, '.', '_' or '-'");
                continue;
            }
            if (equals < 0) {
                why = "it names no repository (expected " + name + "=/absolute/path[#branch])";
            } else {
                String location = entry.substring(equals + 1).strip();
                int hash = location.indexOf('#');
                String path = hash < 0 ? location : location.substring(0, hash).strip();
                String branch = hash < 0 ? null : location.substring(hash + 1).strip();
                try {
                    Path repository = Path.of(path);
                    if (!repository.isAbsolute()) {
                        why = "its path '" + shown(path) + "' is not absolute";
                    } else if (branch != null && !Repository.isValidRefName(Constants.R_HEADS + branch)) {
                        why = "'" + shown(branch) + "' is not a branch name";
                    } else {
                        target = new PublicationTarget(name, repository.normalize(), branch);
                    }
                } catch (InvalidPathException e) {
                    why = "its path '" + shown(path) + "' is not a path";
                }
            }
            if (!seen.add(name)) {
                targets.remove(name);
                unusable.put(name, "it is declared more than once");
                problems.add("agentry.publication.targets: target '" + name
                        + "' is declared more than once: it is unusable until it is declared once");
                continue;
            }
            if (why != null) {
                unusable.put(name, why);
                problems.add("agentry.publication.targets: target '" + name + "' is unusable: " + why);
            } else {
                targets.put(name, target);
            }
        }
        return new Declared(targets, unusable, problems);
    }

    /** {@code Name <email>}, or empty when it is not that. */
    public static Optional<Author> author(String property) {
        Matcher matcher = AUTHOR.matcher(property == null ? "" : property);
        return matcher.matches() ? Optional.of(new Author(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /**
     * Opens the target's repository, or says why it cannot be published to: it is missing, not a git
     * repository, or configures filter drivers (a clean or smudge command JGit would run while applying a
     * patch — an operator's program the server must not start on an agent's behalf).
     */
    public static Repository open(Path directory) throws Unusable {
        if (!Files.isDirectory(directory)) {
            throw new Unusable("its path " + directory + " is not a directory");
        }
        File gitDir = RepositoryCache.FileKey.resolve(directory.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new Unusable(directory + " is not a git repository (a working tree with .git, or a bare repository)");
        }
        Repository repository;
        try {
            repository = new FileRepositoryBuilder()
                    .setGitDir(gitDir)
                    .setMustExist(true)
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new Unusable(directory + " could not be opened as a git repository");
        }
        Config config = repository.getConfig();
        for (String driver : config.getSubsections("filter")) {
            for (String command : List.of("clean", "smudge", "process")) {
                if (config.getString("filter", driver, command) != null) {
                    repository.close();
                    throw new Unusable("its git configuration declares the filter driver '" + driver
                            + "', which applying a patch would run");
                }
            }
        }
        return repository;
    }

    /** Why a declared target's repository cannot be published to; the message names no secret. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** Says at startup what of the publication settings is unusable and which targets are ready. */
    void onStartup(@Observes Startup startup) {
        Declared targets = declared();
        targets.problems().forEach(LOG::warn);
        if (author().isEmpty()) {
            LOG.warnf(
                    "agentry.publication.author: '%s' is not 'Name <email>': no run can be published until it is",
                    shown(authorProperty));
        }
        for (PublicationTarget target : targets.targets().values()) {
            try (Repository repository = open(target.repository())) {
                LOG.infof(
                        "Publication target '%s': %s, on %s",
                        target.name(),
                        target.repository(),
                        target.baseBranch() != null ? "branch " + target.baseBranch() : "the branch HEAD names");
            } catch (Unusable e) {
                LOG.warnf(
                        "agentry.publication.targets: target '%s' is unusable for now: %s",
                        target.name(), e.getMessage());
            }
        }
    }

    public Declared declared() {
        Declared current = declared;
        if (current == null) {
            current = declare(targetsProperty.orElse(""));
            declared = current;
        }
        return current;
    }

    /** The names a caller may publish to (as declared; each repository is checked when used). */
    public Set<String> names() {
        return declared().targets().keySet();
    }

    /**
     * The declared target of this name.
     *
     * @throws AgentryException {@code validation_failed} on {@code target}: {@code unknown_target} when
     *     no such target is declared, {@code unusable_target} when its declaration is bad
     */
    public PublicationTarget target(String name) {
        Declared targets = declared();
        PublicationTarget target = name == null ? null : targets.targets().get(name);
        if (target != null) {
            return target;
        }
        if (name != null && targets.unusable().containsKey(name)) {
            throw AgentryException.validation(List.of(new FieldError(
                    "target",
                    "unusable_target",
                    "The publication target " + FieldError.quoted(name)
                            + " is misconfigured; the server log says why.")));
        }
        throw AgentryException.validation(List.of(new FieldError(
                "target", "unknown_target", "There is no publication target " + FieldError.quoted(name) + ".")));
    }

    public Optional<Author> author() {
        return author(authorProperty);
    }

    /** The longest one publication may take, waiting for its target included. */
    public Duration timeout() {
        return timeout;
    }

    /** The largest patch a publication takes; it is applied in memory. */
    public long maxPatchBytes() {
        return maxPatchBytes;
    }

    private static String shown(String value) {
        String shown = value.length() > 200 ? value.substring(0, 200) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
