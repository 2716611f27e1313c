package org.acdit4j.tracking.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.acdit4j.tracking.TrackingException;

/**
 * The store-wide write lock: a {@link ReentrantLock} for the threads of this store object, then an OS file
 * lock ({@code fcntl} on Linux) on one lock file for other processes. The lock file's channel stays open for
 * the store's lifetime because closing any channel of a file drops every lock the JVM holds on it.
 * Another store object on the same root in the same JVM is waited for by polling.
 */
final class StoreLock implements AutoCloseable {

    private static final long POLL_MILLIS = 2;

    private final Path lockFile;
    private final Duration timeout;
    private final ReentrantLock threads = new ReentrantLock();
    private final FileChannel channel;
    private FileLock fileLock;

    StoreLock(Path lockFile, Duration timeout) {
        this.lockFile = lockFile;
        this.timeout = timeout;
        try {
            this.channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new TrackingException("cannot open the store lock file " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code action} holding the lock; nested calls from the same thread reuse the held lock. */
    <T> T call(Supplier<T> action) {
        threads.lock();
        try {
            boolean outermost = threads.getHoldCount() == 1;
            if (outermost) {
                fileLock = acquire();
            }
            try {
                return action.get();
            } finally {
                if (outermost) {
                    release();
                }
            }
        } finally {
            threads.unlock();
        }
    }

    void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private FileLock acquire() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException heldByAnotherStoreObjectInThisJvm) {
                // fall through to waiting
            } catch (IOException e) {
                throw new TrackingException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new TrackingException("timed out after " + timeout.toSeconds() + " s waiting for the store lock "
                        + lockFile + "; another process may be stuck while holding it");
            }
            sleep();
        }
    }

    private void release() {
        try {
            fileLock.release();
        } catch (IOException e) {
            throw new TrackingException("cannot release the store lock " + lockFile + ": " + e.getMessage(), e);
        } finally {
            fileLock = null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException("interrupted while waiting for the store lock");
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new TrackingException("cannot close the store lock file " + lockFile + ": " + e.getMessage(), e);
        }
    }
}
