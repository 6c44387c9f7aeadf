package dev.agentry.core.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Copies a seed into a run's workspace, hashing each file on the way so the baseline costs no second
 * read, and hashes a workspace when its artifacts are collected. Links are never followed or copied:
 * an operator's seed must not become a door out. Creating files dominates on most file systems, so
 * the files are spread over the given pool's threads; the directory walk stays on the caller's.
 */
public final class SeedCopy {

    /** Files per task: enough to outweigh the hand-off, few enough to keep every thread busy. */
    private static final int SLICE = 64;

    private SeedCopy() {}

    /** Copies every plain file of {@code source} under {@code target} and returns their hashes. */
    public static Baseline copy(Path source, Path target, ExecutorService pool) {
        return copy(source, target, pool, WorkBudget.unlimited());
    }

    /** {@link #copy(Path, Path, ExecutorService)} that stops at the budget, checked per file and per chunk. */
    public static Baseline copy(Path source, Path target, ExecutorService pool, WorkBudget budget) {
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        walk(source, target, names, skipped);
        return new Baseline(
                inSlices(names, pool, slice -> {
                    Map<String, String> hashes = new TreeMap<>();
                    byte[] buffer = new byte[128 * 1024];
                    for (String name : slice) {
                        budget.check();
                        MessageDigest digest = FileDigest.sha256();
                        try (InputStream in = Files.newInputStream(source.resolve(name));
                                OutputStream out =
                                        new DigestOutputStream(Files.newOutputStream(target.resolve(name)), digest)) {
                            for (int read; (read = in.read(buffer)) > 0; ) {
                                budget.check();
                                out.write(buffer, 0, read);
                            }
                        }
                        hashes.put(name, HexFormat.of().formatHex(digest.digest()));
                    }
                    return hashes;
                }),
                skipped);
    }

    /** Hashes of every plain file under a directory now, anything else listed as skipped. */
    public static Baseline scan(Path root, ExecutorService pool) {
        return scan(root, pool, WorkBudget.unlimited());
    }

    /** {@link #scan(Path, ExecutorService)} that stops at the budget, checked per file. */
    public static Baseline scan(Path root, ExecutorService pool, WorkBudget budget) {
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        walk(root, null, names, skipped);
        return new Baseline(
                inSlices(names, pool, slice -> {
                    Map<String, String> hashes = new TreeMap<>();
                    for (String name : slice) {
                        budget.check();
                        hashes.put(name, FileDigest.of(root.resolve(name)));
                    }
                    return hashes;
                }),
                skipped);
    }

    /** {@link #scan(Path, ExecutorService)} on the caller's thread. */
    public static Baseline scan(Path root) {
        return scan(root, null);
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

    private interface SliceWork {
        Map<String, String> run(List<String> slice) throws IOException;
    }

    private static TreeMap<String, String> inSlices(List<String> names, ExecutorService pool, SliceWork work) {
        TreeMap<String, String> all = new TreeMap<>();
        try {
            if (pool == null || names.size() <= SLICE) {
                all.putAll(work.run(names));
                return all;
            }
            List<Callable<Map<String, String>>> tasks = new ArrayList<>();
            for (int from = 0; from < names.size(); from += SLICE) {
                List<String> slice = names.subList(from, Math.min(names.size(), from + SLICE));
                tasks.add(() -> work.run(slice));
            }
            for (Future<Map<String, String>> done : pool.invokeAll(tasks)) {
                all.putAll(done.get());
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
