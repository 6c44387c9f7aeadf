package dev.agentry.core.sandbox;

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
 */
public record Baseline(SortedMap<String, String> files, List<String> skipped) {

    public Baseline {
        files = new TreeMap<>(files);
        skipped = List.copyOf(skipped);
    }

    public static Baseline of(Map<String, String> files) {
        return new Baseline(new TreeMap<>(files), List.of());
    }

    public long count() {
        return files.size();
    }
}
