package dev.agentry.core.sandbox;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a workspace at seed time: name to SHA-256. What a run changed is the difference
 * between this and the workspace when artifacts are collected.
 *
 * @param files every plain file by its workspace name, sorted
 * @param skipped names left out of the seed because they were not plain files (links, devices)
 * @param shared the workspace files that are hard links to the seed's own, by name, as they were when hashed
 */
public record Baseline(SortedMap<String, String> files, List<String> skipped, Map<String, Shared> shared) {

    /**
     * The identity of a file shared with the seed (device and inode), and its size and modification
     * time when its hash was taken: a workspace file still matching all three holds those bytes.
     */
    public record Shared(Object inode, long size, FileTime modified) {

        public static Shared of(BasicFileAttributes attributes) {
            return new Shared(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
        }

        /** Whether a file is this one, unwritten since: the same inode, size and modification time. */
        public boolean sameAs(BasicFileAttributes attributes) {
            return inode.equals(attributes.fileKey())
                    && size == attributes.size()
                    && modified.equals(attributes.lastModifiedTime());
        }
    }

    public Baseline {
        files = new TreeMap<>(files);
        skipped = List.copyOf(skipped);
        shared = Map.copyOf(shared);
    }

    public Baseline(SortedMap<String, String> files, List<String> skipped) {
        this(files, skipped, Map.of());
    }

    public static Baseline of(Map<String, String> files) {
        return new Baseline(new TreeMap<>(files), List.of());
    }

    public long count() {
        return files.size();
    }
}
