package org.acdit4j.experiments.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The Slurm script passes {@code bash -n}, the Kubernetes Job parses as YAML; both ask for one core, a CUDA build for a GPU. */
class SchedulerScriptsTest {

    private static final String ARGUMENTS = " --preset quick 'train.steps=12' 'track.experimentName=it'\\''s'";

    @TempDir
    Path work;

    @Test
    void aCpuSlurmArrayAsksForOneCorePerTaskAndNoGpu() throws Exception {
        String script = SchedulerScripts.slurm("block-size-tradeoff", 3, ARGUMENTS, TaskResources.CPU);

        assertThat(bashSyntax(script)).isEmpty();
        assertThat(directives(script)).contains("--array=0-2", "--cpus-per-task=1", "--mem=16G")
                .noneMatch(directive -> directive.startsWith("--gres"));
        assertThat(script).contains("./acdit run block-size-tradeoff --only \"${SLURM_ARRAY_TASK_ID}\" --workers 1" + ARGUMENTS);
    }

    @Test
    void aCudaSlurmArrayAsksForOneGpuPerTask() throws Exception {
        String script = SchedulerScripts.slurm("block-size-tradeoff", 3, ARGUMENTS, TaskResources.CUDA);

        assertThat(bashSyntax(script)).isEmpty();
        assertThat(directives(script)).contains("--gres=gpu:1", "--cpus-per-task=1", "--array=0-2");
    }

    @Test
    void aCpuKubernetesJobRequestsOneCoreAndNamesTheCpuImage() {
        Map<String, Object> container = container(SchedulerScripts.kubernetes("block-size-tradeoff", 3, ARGUMENTS,
                TaskResources.CPU));

        assertThat(container).containsEntry("image", "acdit4j:cpu").doesNotContainKey("limits");
        assertThat(map(container.get("resources"))).containsOnlyKeys("requests");
        assertThat(map(map(container.get("resources")).get("requests")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("cpu", "1", "memory", "16Gi"));
        assertThat((List<?>) container.get("args")).singleElement().asString()
                .isEqualTo("./acdit run block-size-tradeoff --only ${JOB_COMPLETION_INDEX} --workers 1" + ARGUMENTS);
    }

    @Test
    void aCudaKubernetesJobRequestsAndLimitsOneGpuAndNamesTheCudaImage() {
        String manifest = SchedulerScripts.kubernetes("block-size-tradeoff", 3, ARGUMENTS, TaskResources.CUDA);
        Map<String, Object> container = container(manifest);

        assertThat(container).containsEntry("image", "acdit4j:cuda");
        Map<String, Object> resources = map(container.get("resources"));
        assertThat(map(resources.get("requests"))).containsEntry("nvidia.com/gpu", 1).containsEntry("cpu", "1");
        assertThat(map(resources.get("limits"))).containsExactlyEntriesOf(Map.of("nvidia.com/gpu", 1));
        assertThat(container).containsKey("volumeMounts");
        assertThat(manifest).contains("docker build -f experiments/container/Dockerfile --build-arg "
                + "ACDIT_MAVEN_PROFILES=cuda -t acdit4j:cuda .");
    }

    private String bashSyntax(String script) throws IOException, InterruptedException {
        Path file = Files.writeString(work.resolve("job.sbatch"), script);
        Process check = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        return output;
    }

    /** The #SBATCH options Slurm reads: those before the first command of the script. */
    private static List<String> directives(String script) {
        return script.lines().skip(1).takeWhile(line -> line.startsWith("#"))
                .filter(line -> line.startsWith("#SBATCH "))
                .map(line -> line.substring("#SBATCH ".length())).toList();
    }

    private static Map<String, Object> container(String manifest) {
        Map<String, Object> job = new Yaml().load(manifest);
        assertThat(job).containsEntry("kind", "Job");
        Map<String, Object> pod = map(map(map(job.get("spec")).get("template")).get("spec"));
        List<?> containers = (List<?>) pod.get("containers");
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
