package dev.agentry.core.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Seeds a run's workspace from a seed directory, hashing each file on the way so the baseline costs
 * no second read, and hashes a workspace when its artifacts are collected. Symbolic links are never
 * followed or copied: an operator's seed must not become a door out. Creating files dominates on most
 * file systems, so {@link #share} hard-links the seed's files where it can, and the files are spread
 * over the given pool's threads; the directory walk stays on the caller's.
 *
 * <p>A shared file is the seed's own inode: nothing may write it in place. The workspace tools replace
 * a file ({@link Workspace#replace}), and before any process runs in the workspace {@link #detach}
 * gives every file still shared a private copy.
 */
public final class SeedCopy {

    /** Files per task: enough to outweigh the hand-off, few enough to keep every thread busy. */
    private static final int SLICE = 64;

    private static final int BUFFER = 128 * 1024;

    private SeedCopy() {}

    /**
     * Seeds {@code target} with every plain file of {@code source}: a hard link where the file system
     * allows one (same file system, a file the server may link), else a copy. The baseline records
     * which files are shared, with what they were when hashed.
     */
    public static Baseline share(Path source, Path target, ExecutorService pool, WorkBudget budget) {
        return seed(source, target, pool, budget, true);
    }

    /**
     * Seeds {@code target} with a private copy of every plain file of {@code source}: for a workspace
     * a process will run in, where every shared file would have to be copied anyway.
     */
    public static Baseline copy(Path source, Path target, ExecutorService pool, WorkBudget budget) {
        return seed(source, target, pool, budget, false);
    }

    private static Baseline seed(Path source, Path target, ExecutorService pool, WorkBudget budget, boolean share) {
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        walk(source, target, names, skipped);
        TreeMap<String, String> hashes = new TreeMap<>();
        Map<String, Baseline.Shared> shared = new HashMap<>();
        for (Seeded part : inSlices(names, pool, slice -> {
            Seeded seeded = new Seeded(new HashMap<>(), new HashMap<>());
            byte[] buffer = new byte[BUFFER];
            for (String name : slice) {
                budget.check();
                Path from = source.resolve(name);
                Path to = target.resolve(name);
                BasicFileAttributes linked = share ? link(from, to) : null;
                if (linked == null) {
                    seeded.hashes().put(name, copyFile(from, to, buffer, budget));
                    continue;
                }
                // Taken before the bytes are read: a write while hashing shows as a later time.
                seeded.shared().put(name, Baseline.Shared.of(linked));
                seeded.hashes().put(name, hash(to, buffer, budget));
            }
            return seeded;
        })) {
            hashes.putAll(part.hashes());
            shared.putAll(part.shared());
        }
        return new Baseline(hashes, skipped, shared);
    }

    private record Seeded(Map<String, String> hashes, Map<String, Baseline.Shared> shared) {}

    /**
     * A hard link at {@code to} to the plain file {@code from}, and its attributes; null when no link
     * could be made (another file system, a file the server may not link, no file keys to tell it by).
     */
    private static BasicFileAttributes link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        BasicFileAttributes attributes = Files.readAttributes(to, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile() || attributes.fileKey() == null) {
            // The seed's entry was swapped for a link since the walk (linking never follows it), or
            // this file system cannot tell files apart: no sharing then.
            Files.delete(to);
            if (!attributes.isRegularFile()) {
                throw new IOException("a seed file changed into something else while the workspace was seeded");
            }
            return null;
        }
        return attributes;
    }

    /**
     * Gives every workspace file still sharing the seed's inode a private copy, each replacing the link
     * at once (written beside it, then renamed over it): afterwards nothing written in the workspace,
     * in place or not, reaches the seed or another run. Returns how many files it copied.
     */
    public static int detach(Path workspace, Baseline baseline, ExecutorService pool, WorkBudget budget) {
        List<String> names = new ArrayList<>(new TreeMap<>(baseline.shared()).keySet());
        int copied = 0;
        for (Integer part : inSlices(names, pool, slice -> {
            int count = 0;
            byte[] buffer = new byte[BUFFER];
            for (String name : slice) {
                budget.check();
                Path file = workspace.resolve(name);
                BasicFileAttributes now;
                try {
                    now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // deleted by a tool
                }
                if (!now.isRegularFile() || !baseline.shared().get(name).inode().equals(now.fileKey())) {
                    continue; // replaced by a tool: private already
                }
                Path copy = Workspace.sibling(file);
                try {
                    copyFile(file, copy, buffer, budget);
                    Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(copy);
                }
                count++;
            }
            return count;
        })) {
            copied += part;
        }
        return copied;
    }

    /** Hashes of every plain file under a directory now, anything else listed as skipped. */
    public static Baseline scan(Path root, ExecutorService pool) {
        return scan(root, pool, WorkBudget.unlimited(), Baseline.of(Map.of()));
    }

    /**
     * {@link #scan(Path, ExecutorService)} that stops at the budget, checked per file and chunk, and
     * takes a file's hash from the baseline instead of reading it when the file is still the seed's,
     * unwritten: the same inode, size and modification time as when the baseline hashed it. Nothing in a run writes a shared inode (the
     * tools replace files, and processes run only after {@link #detach}); size and time are the
     * second lock, against a seed edited in place while the run went on.
     */
    public static Baseline scan(Path root, ExecutorService pool, WorkBudget budget, Baseline seeded) {
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        walk(root, null, names, skipped);
        TreeMap<String, String> hashes = new TreeMap<>();
        inSlices(names, pool, slice -> {
                    Map<String, String> part = new HashMap<>();
                    byte[] buffer = new byte[BUFFER];
                    for (String name : slice) {
                        budget.check();
                        Path file = root.resolve(name);
                        Baseline.Shared shared = seeded.shared().get(name);
                        if (shared != null
                                && shared.sameAs(Files.readAttributes(
                                        file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS))) {
                            part.put(name, seeded.files().get(name));
                        } else {
                            part.put(name, hash(file, buffer, budget));
                        }
                    }
                    return part;
                })
                .forEach(hashes::putAll);
        return new Baseline(hashes, skipped);
    }

    /** {@link #scan(Path, ExecutorService)} on the caller's thread. */
    public static Baseline scan(Path root) {
        return scan(root, null);
    }

    /**
     * Copies one file to a new file (the default permissions, not the original's) and returns its
     * hash. Whatever is already at {@code to} is never written through: it may be the seed's own.
     */
    private static String copyFile(Path from, Path to, byte[] buffer, WorkBudget budget) throws IOException {
        budget.check();
        MessageDigest digest = FileDigest.sha256();
        try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS);
                OutputStream out = new DigestOutputStream(
                        Files.newOutputStream(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), digest)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                budget.check();
                out.write(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String hash(Path file, byte[] buffer, WorkBudget budget) throws IOException {
        MessageDigest digest = FileDigest.sha256();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                budget.check();
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Removes a tree without following links; missing is fine. */
    public static void delete(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lists plain files and the rest; with a target, creates its directories as it goes. */
    private static void walk(Path root, Path target, List<String> files, List<String> skipped) {
        try {
            if (target != null) {
                Files.createDirectories(target);
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (target != null) {
                        Files.createDirectories(
                                target.resolve(root.relativize(dir).toString()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    (attrs.isRegularFile() ? files : skipped).add(name);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface SliceWork<T> {
        T run(List<String> slice) throws IOException;
    }

    /** The work's result for each slice of the names, in order; on the caller's thread when there is no pool. */
    private static <T> List<T> inSlices(List<String> names, ExecutorService pool, SliceWork<T> work) {
        try {
            if (pool == null || names.size() <= SLICE) {
                return List.of(work.run(names));
            }
            List<Callable<T>> tasks = new ArrayList<>();
            for (int from = 0; from < names.size(); from += SLICE) {
                List<String> slice = names.subList(from, Math.min(names.size(), from + SLICE));
                tasks.add(() -> work.run(slice));
            }
            List<T> all = new ArrayList<>();
            for (Future<T> done : pool.invokeAll(tasks)) {
                all.add(done.get());
            }
            return all;
        } catch (java.nio.channels.ClosedByInterruptException e) {
            throw new WorkBudget.Exhausted(WorkBudget.STOPPED, "interrupted while copying or hashing files");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WorkBudget.Exhausted exhausted) {
                throw exhausted;
            }
            if (e.getCause() instanceof UncheckedIOException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof java.nio.channels.ClosedByInterruptException) {
                throw new WorkBudget.Exhausted(WorkBudget.STOPPED, "interrupted while copying or hashing files");
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // Stopped from outside: invokeAll has cancelled (and interrupted) the slices still running.
            Thread.currentThread().interrupt();
            throw new WorkBudget.Exhausted(WorkBudget.STOPPED, "interrupted while copying or hashing files");
        }
    }
}
