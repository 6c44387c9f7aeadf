package dev.agentry.core.publication;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per target repository, so two publications on this server never race on its refs (the
 * ref update's expected old id still guards against any other writer).
 */
@ApplicationScoped
class TargetLocks {

    private final ConcurrentHashMap<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock of(Path repository) {
        return locks.computeIfAbsent(repository.toAbsolutePath().normalize(), path -> new ReentrantLock());
    }
}
