package org.acdit4j.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./acdit} launcher in a copy of the project layout, with stand-in {@code mvn} and {@code java}
 * commands first on the PATH that record their arguments: which Maven profiles a rebuild uses.
 */
class LauncherProfilesTest {

    private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("acdit");

    @TempDir
    Path work;
    private Path root;
    private Path bin;

    @BeforeEach
    void layOutAProjectWithBuiltJars() throws IOException {
        root = Files.createDirectories(work.resolve("project"));
        bin = Files.createDirectories(work.resolve("bin"));
        Files.copy(LAUNCHER, root.resolve("acdit"), StandardCopyOption.COPY_ATTRIBUTES);
        Path source = Files.createDirectories(root.resolve("experiments/src/main/java")).resolve("Recipe.java");
        Files.writeString(source, "class Recipe {}");
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.createDirectories(root.resolve("experiments/target"));
        Files.writeString(root.resolve("experiments/target/acdit.jar"), "jar");
        // stand-ins: mvn records its arguments and writes the build record as the real build would
        executable("mvn", """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                profile=""
                for argument in "$@"; do [[ "$argument" == cuda ]] && profile=cuda; done
                printf 'maven.profiles=%%s\\n' "$profile" > experiments/target/acdit-build.properties
                touch experiments/target/acdit.jar
                """.formatted(work.resolve("mvn.log")));
        executable("java", """
                #!/usr/bin/env bash
                echo "java $*"
                echo "allocator environment: LD_PRELOAD=${LD_PRELOAD:-} MALLOC_CONF=${MALLOC_CONF:-} \
                MALLOC_TOP_PAD_=${MALLOC_TOP_PAD_:-}"
                """);
    }

    @Test
    void aStaleCudaBuildIsRebuiltWithTheCudaProfile() throws Exception {
        builtWith("cuda");
        sourcesChanged();

        assertThat(launch(Map.of()).exitCode()).isZero();

        assertThat(mavenCalls()).singleElement().asString().contains("-P cuda").contains("-DskipTests").endsWith(" package");
    }

    @Test
    void aFreshBuildIsNotRebuiltAndTheProfileVariableSwitchesIt() throws Exception {
        builtWith("cuda");

        Launch fresh = launch(Map.of());
        assertThat(mavenCalls()).isEmpty();
        assertThat(fresh.output()).contains("java -Xmx2g -Dacdit.home=" + root + " -jar " + root + "/experiments/target/acdit.jar doctor");

        Launch backToCpu = launch(Map.of("ACDIT_MAVEN_PROFILES", ""));
        assertThat(backToCpu.output()).contains("profiles: none, CPU");
        assertThat(mavenCalls()).singleElement().asString().doesNotContain("-P").contains("-DskipTests").endsWith(" package");

        launch(Map.of("ACDIT_MAVEN_PROFILES", "cuda"));
        assertThat(mavenCalls()).hasSize(2).last().asString().contains("-P cuda");
    }

    @Test
    void aStaleCpuBuildStaysACpuBuild() throws Exception {
        builtWith("");
        sourcesChanged();

        launch(Map.of());

        assertThat(mavenCalls()).singleElement().asString().doesNotContain("-P");
    }

    @Test
    void aSchedulerTaskRefusesAStaleJarInOneLineInsteadOfBuilding() throws Exception {
        builtWith("");
        sourcesChanged();

        String refusal = refusedInOneLineWithoutBuilding(launch(Map.of("ACDIT_NO_BUILD", "1")));

        assertThat(refusal).startsWith("acdit: " + root
                + "/experiments/target/acdit.jar is missing, older than the sources or of other Maven profiles, and "
                + "ACDIT_NO_BUILD=1 forbids building it here");
    }

    @Test
    void glibcKeepsItsSettingsByDefaultAndJemallocIsPreloadedOnRequest() throws Exception {
        builtWith("");
        assertThat(launch(Map.of()).output())
                .contains("allocator environment: LD_PRELOAD= MALLOC_CONF= MALLOC_TOP_PAD_=536870912\n");

        Path jemalloc = Path.of("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");
        assumeTrue(Files.isRegularFile(jemalloc), "Debian's libjemalloc2 is not installed here");
        assertThat(launch(Map.of("ACDIT_MALLOC", "jemalloc")).output()).contains("allocator environment: LD_PRELOAD="
                + jemalloc + " MALLOC_CONF=dirty_decay_ms:-1,muzzy_decay_ms:-1 MALLOC_TOP_PAD_=\n");
    }

    @Test
    void anUnknownAllocatorIsRefusedInOneLineBeforeAnyBuild() throws Exception {
        builtWith("");
        sourcesChanged();

        String refusal = refusedInOneLineWithoutBuilding(launch(Map.of("ACDIT_MALLOC", "tcmalloc")));

        assertThat(refusal).isEqualTo("acdit: ACDIT_MALLOC='tcmalloc' is not an allocator; allowed: glibc, jemalloc");
    }

    /** The launch's only output line, after checking that it exited with 2 and never called Maven. */
    private String refusedInOneLineWithoutBuilding(Launch launch) throws IOException {
        assertThat(launch.exitCode()).isEqualTo(2);
        assertThat(mavenCalls()).isEmpty();
        assertThat(launch.output().lines()).hasSize(1);
        return launch.output().lines().findFirst().orElseThrow();
    }

    private record Launch(int exitCode, String output) {
    }

    private Launch launch(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("acdit").toString(), "doctor")
                .directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("ACDIT_MAVEN_PROFILES");
        builder.environment().remove("ACDIT_JAVA_OPTS");
        List.of("ACDIT_MALLOC", "LD_PRELOAD", "MALLOC_CONF", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_",
                "MALLOC_TOP_PAD_").forEach(builder.environment()::remove);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Launch(process.exitValue(), output);
    }

    private void builtWith(String profiles) throws IOException {
        Files.writeString(root.resolve("experiments/target/acdit-build.properties"), "maven.profiles=" + profiles + "\n");
    }

    private void sourcesChanged() throws IOException {
        Files.setLastModifiedTime(root.resolve("experiments/target/acdit.jar"),
                FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
    }

    private List<String> mavenCalls() throws IOException {
        Path log = work.resolve("mvn.log");
        return Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
    }

    private void executable(String name, String script) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
