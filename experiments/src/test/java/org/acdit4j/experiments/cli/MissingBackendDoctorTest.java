package org.acdit4j.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acdit doctor} in a child JVM whose classpath is that of a build whose backend cannot start here: the
 * CUDA build (the real {@code nd4j-cuda-11.6} jars from the local Maven repository, on a machine without an
 * NVIDIA driver), and a build with no backend at all. The failures are ND4J's and JavaCPP's own. A sweep on the CUDA
 * build stops the same way before preflight, so no run folder or tracking store is made.
 */
class MissingBackendDoctorTest {

    @TempDir
    Path work;

    @Test
    void aCudaBuildWithoutAnNvidiaDriverSaysSoInOneLineAndHowToGoBackToTheCpu() throws Exception {
        assumeTrue(!Files.exists(Path.of("/proc/driver/nvidia")), "this machine has an NVIDIA driver");
        assumeTrue(CudaBuildClasspath.available(),
                "the CUDA jars are not in the local Maven repository (mvn -Pcuda -DskipTests package fetches them)");

        Doctor doctor = doctor(CudaBuildClasspath.cuda());

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.errLines()).singleElement().asString()
                .startsWith("acdit: this is a CUDA build (nd4j-cuda-11.6-")
                .contains("the CUDA driver did not load (libcuda.so.1: cannot open shared object file")
                .contains("no NVIDIA driver or GPU")
                .endsWith("to go back to the CPU build run `ACDIT_MAVEN_PROFILES= ./acdit doctor` "
                        + "(or `mvn -DskipTests package`)");
        assertThat(doctor.out()).contains("[java]", "[data cache]", "[tracking]")
                .containsPattern("backend\\s+cannot start \\(nd4j-cuda-11\\.6-[^)]*linux-x86_64\\.jar\\)");
    }

    @Test
    void aSweepOnACudaBuildWithoutAnNvidiaDriverStopsInOneLineBeforeAnyRun() throws Exception {
        assumeTrue(!Files.exists(Path.of("/proc/driver/nvidia")), "this machine has an NVIDIA driver");
        assumeTrue(CudaBuildClasspath.available(),
                "the CUDA jars are not in the local Maven repository (mvn -Pcuda -DskipTests package fetches them)");

        Doctor run = acdit(CudaBuildClasspath.cuda(), "run", "block-size-tradeoff", "--preset", "smoke");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("acdit: this is a CUDA build (nd4j-cuda-11.6-")
                .contains("no NVIDIA driver or GPU");
        assertThat(work.resolve("runs")).doesNotExist();
        assertThat(work.resolve("mlruns")).doesNotExist();
    }

    @Test
    void aBuildWithoutAnyBackendSaysSoInOneLine() throws Exception {
        Doctor doctor = doctor(CudaBuildClasspath.withoutCpuBackend());

        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.errLines()).singleElement().asString()
                .startsWith("acdit: the ND4J backend did not start: ")
                .contains("nd4j backend on your classpath")
                .endsWith("rebuild with `mvn -DskipTests package`");
        assertThat(doctor.out()).contains("[memory and disk]");
    }

    private record Doctor(int exitCode, String out, List<String> errLines) {
    }

    private Doctor doctor(List<Path> classpath) throws IOException, InterruptedException {
        return acdit(classpath, "doctor");
    }

    /** {@code acdit <arguments>} in a child JVM on {@code classpath}, with the data and tracking in the test's folder. */
    private Doctor acdit(List<Path> classpath, String... arguments) throws IOException, InterruptedException {
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dorg.bytedeco.javacpp.cachedir=" + work.resolve("javacpp"),
                "-cp", CudaBuildClasspath.join(classpath), AcditMain.class.getName()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--data-dir", work.resolve("data").toString(), "--tracking-uri", work.resolve("mlruns").toString()));
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("doctor finished").isTrue();
        List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        return new Doctor(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errLines);
    }
}
