package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The one trainer of a run folder: an operating-system lock on {@code <run>/.trainer.lock}, which the process that
 * trains the run holds from start to end. The system drops it when that process dies, however it dies, so a crashed
 * trainer never blocks its run. The holder writes who it is into the file, for the line a second process prints.
 * Works across machines on a shared file system whose locks span clients (NFSv4, Lustre, GPFS).
 */
public final class RunLock implements AutoCloseable {

    private static final String FILE = ".trainer.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code folder} (creating the folder), or returns empty when another process holds it. */
    public static Optional<RunLock> tryAcquire(RunFolder folder) {
        Optional<RunLock> held = lock(folder);
        held.ifPresent(RunLock::recordHolder);
        return held;
    }

    private static Optional<RunLock> lock(RunFolder folder) {
        FileChannel channel = open(folder);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new RunLock(channel, lock));
        } catch (OverlappingFileLockException heldInThisProcess) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + folder.root().resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Blocks until no process holds the lock of {@code folder}, without keeping it. */
    public static void awaitRelease(RunFolder folder) {
        try (FileChannel channel = open(folder); FileLock ignored = channel.lock()) {
            // acquired, so released by its holder; giving it up at once
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wait for the lock " + folder.root().resolve(FILE) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Who trains {@code folder} now, as its holder wrote it ("pid 123 on host node7 since …"), or empty when no process
     * holds the lock.
     */
    public static Optional<String> holder(RunFolder folder) {
        Optional<RunLock> probe = lock(folder);
        if (probe.isPresent()) {
            probe.get().close();
            return Optional.empty();
        }
        try {
            String text = Files.readString(folder.root().resolve(FILE), StandardCharsets.UTF_8).strip();
            return Optional.of(text.isEmpty() ? "another process" : text);
        } catch (IOException e) {
            return Optional.of("another process");
        }
    }

    private static FileChannel open(RunFolder folder) {
        Path file = folder.root().resolve(FILE);
        try {
            Files.createDirectories(folder.root());
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private void recordHolder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            host = "an unnamed host";
        }
        String text = "pid " + ProcessHandle.current().pid() + " on host " + host + " since " + Instant.now() + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot write the holder of a run lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release a run lock: " + e.getMessage(), e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel; nothing else to undo
        }
    }
}
