package org.acdit4j.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code acdit run … --emit slurm|k8s} run as the CUDA build (a child JVM with the real nd4j-cuda-11.6 jars and
 * no CPU backend): writing the scripts needs no GPU, and they ask for one per task.
 */
class CudaBuildEmitTest {

    @TempDir
    Path work;

    @Test
    void theCudaBuildsSchedulerScriptsRequestOneGpuPerTask() throws Exception {
        assumeTrue(CudaBuildClasspath.available(),
                "the CUDA jars are not in the local Maven repository (mvn -Pcuda -DskipTests package fetches them)");

        emit("slurm");
        emit("k8s");

        String sbatch = Files.readString(work.resolve("runs/block-size-tradeoff/slurm-array.sbatch"));
        assertThat(sbatch.lines()).contains("#SBATCH --gres=gpu:1", "#SBATCH --cpus-per-task=1", "#SBATCH --array=0-2");
        Map<String, Object> job = new Yaml().load(Files.readString(work.resolve("runs/block-size-tradeoff/k8s-indexed-job.yaml")));
        assertThat(job.toString()).contains("image=acdit4j:cuda", "limits={nvidia.com/gpu=1}",
                "requests={cpu=1, memory=16Gi, nvidia.com/gpu=1}");
    }

    private void emit(String kind) throws Exception {
        Path log = work.resolve(kind + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", CudaBuildClasspath.join(CudaBuildClasspath.cuda()), AcditMain.class.getName(),
                "run", "block-size-tradeoff", "--preset", "quick", "--emit", kind, "--runs-dir", work.resolve("runs").toString());
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }
}
