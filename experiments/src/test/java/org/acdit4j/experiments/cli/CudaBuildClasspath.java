package org.acdit4j.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classpaths of other builds, made from the test classpath: without the CPU backend, and the CUDA build (the
 * real nd4j-cuda-11.6 jars from the local Maven repository, which {@code mvn -Pcuda -DskipTests package} fetches).
 */
final class CudaBuildClasspath {

    /** The CUDA bindings that nd4j-cuda-11.6 1.0.0-M2.1 depends on. */
    private static final String CUDA_PRESET_VERSION = "11.6-8.3-1.5.7";

    private CudaBuildClasspath() {
    }

    /** The test classpath without the CPU backend (nd4j-native and its natives; nd4j-native-api stays). */
    static List<Path> withoutCpuBackend() {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<Path> kept = entries.stream().map(Path::of)
                .filter(entry -> !entry.getFileName().toString().matches("nd4j-native-(preset-)?\\d.*\\.jar"))
                .toList();
        assertThat(kept).as("the CPU backend was on the test classpath").hasSizeLessThan(entries.size());
        return kept;
    }

    /** Whether the CUDA jars are in the local Maven repository. */
    static boolean available() {
        return cudaJars().stream().allMatch(Files::isRegularFile);
    }

    /** The test classpath with the CUDA backend in place of the CPU one. */
    static List<Path> cuda() {
        List<Path> classpath = new ArrayList<>(withoutCpuBackend());
        classpath.addAll(cudaJars());
        return classpath;
    }

    static String join(List<Path> classpath) {
        return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    private static List<Path> cudaJars() {
        String nd4j = BackendInfo.nd4jVersion();
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path backend = repository.resolve("org/nd4j/nd4j-cuda-11.6/" + nd4j);
        Path preset = repository.resolve("org/nd4j/nd4j-cuda-11.6-preset/" + nd4j);
        Path bindings = repository.resolve("org/bytedeco/cuda/" + CUDA_PRESET_VERSION);
        return List.of(
                backend.resolve("nd4j-cuda-11.6-" + nd4j + ".jar"),
                backend.resolve("nd4j-cuda-11.6-" + nd4j + "-linux-x86_64.jar"),
                preset.resolve("nd4j-cuda-11.6-preset-" + nd4j + ".jar"),
                preset.resolve("nd4j-cuda-11.6-preset-" + nd4j + "-linux-x86_64.jar"),
                bindings.resolve("cuda-" + CUDA_PRESET_VERSION + ".jar"),
                bindings.resolve("cuda-" + CUDA_PRESET_VERSION + "-linux-x86_64.jar"));
    }
}
