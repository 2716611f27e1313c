package org.acdit4j.experiments.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acdit4j.experiments.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Slurm scripts pass {@code bash -n}, name every folder absolutely, append to their logs and ask for the resources
 * given; the report job's command survives overrides with spaces, {@code ;} and quotes; the Kubernetes Job parses as
 * YAML, checks for a tracking server, retries per index and is named per sweep.
 */
class SchedulerScriptsTest {

    private static final List<String> SWEEP = List.of("--preset", "quick", "train.steps=12",
            "track.experimentName=it's; a test");
    private static final TaskResources CPU = new TaskResources(1, 16 * 1024, 86_400, 0, "acdit4j:cpu");
    private static final TaskResources CUDA = new TaskResources(1, 16 * 1024, 86_400, 1, "acdit4j:cuda");

    @TempDir
    Path work;

    private TaskLocations locations() {
        return new TaskLocations(work.resolve("submit"), work.resolve("runs"), work.resolve("results"),
                work.resolve("data"), work.resolve("mlruns").toString());
    }

    @Test
    void aSlurmArrayNamesEveryFolderAbsolutelyAndAppendsToItsLog() throws Exception {
        Path folder = work.resolve("runs/block-size-tradeoff");
        String script = SlurmScripts.array("block-size-tradeoff", 3, SWEEP, locations(), CPU,
                new TaskCommand("/opt/acdit/acdit"), folder);

        assertThat(bashSyntax(script)).isEmpty();
        assertThat(directives(script)).contains("--array=0-2", "--cpus-per-task=1", "--mem=16G", "--time=1-00:00:00",
                "--open-mode=append", "--chdir=" + work.resolve("submit"),
                "--output=" + folder.resolve("slurm-%A_%a.log")).noneMatch(directive -> directive.startsWith("--gres"));
        assertThat(script).contains("/opt/acdit/acdit run block-size-tradeoff --only \"${SLURM_ARRAY_TASK_ID}\" "
                + "--workers 1 --preset quick train.steps=12 'track.experimentName=it'\\''s; a test' --runs-dir "
                + work.resolve("runs") + " --results-dir " + work.resolve("results") + " --data-dir " + work.resolve("data")
                + " --tracking-uri " + work.resolve("mlruns"));
        assertThat(script).contains("export ACDIT_THREADS=\"${ACDIT_THREADS:-${SLURM_CPUS_PER_TASK:-1}}\"");
    }

    @Test
    void theReportJobKeepsOverridesWithSpacesSemicolonsAndQuotesIntact() throws Exception {
        Path script = Files.writeString(work.resolve("report.sbatch"), SlurmScripts.report("block-size-tradeoff", SWEEP,
                locations(), CPU, new TaskCommand("printf '%s\\n'"), work.resolve("runs/block-size-tradeoff")));

        Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
        List<String> words = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        assertThat(process.waitFor()).isZero();
        assertThat(words).startsWith("report", "block-size-tradeoff", "--preset", "quick", "train.steps=12",
                "track.experimentName=it's; a test", "--runs-dir");
    }

    @Test
    void aCudaSlurmArrayAsksForOneGpuPerTask() throws Exception {
        String script = SlurmScripts.array("block-size-tradeoff", 3, SWEEP, locations(), CUDA,
                new TaskCommand("/opt/acdit/acdit"), work.resolve("runs"));

        assertThat(bashSyntax(script)).isEmpty();
        assertThat(directives(script)).contains("--gres=gpu:1", "--cpus-per-task=1", "--array=0-2");
    }

    @Test
    void resourcesComeFromTheOptionsAndBadValuesAreRefusedByName() {
        TaskResources resources = TaskResources.of(2, "6000M", "4:30:00");

        assertThat(resources.slurmMemory()).isEqualTo("6000M");
        assertThat(resources.kubernetesMemory()).isEqualTo("6000Mi");
        assertThat(resources.slurmTime()).isEqualTo("0-04:30:00");
        assertThat(resources.javaOptions()).isEqualTo("-Xmx1500m -Dorg.bytedeco.javacpp.maxPhysicalBytes=5100m");
        assertThat(TaskResources.of(1, "16G", "1:00:00").javaOptions()).startsWith("-Xmx2048m ");
        assertThatThrownBy(() -> TaskResources.of(1, "lots", "1:00:00")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--task-memory lots: allowed:");
        assertThatThrownBy(() -> TaskResources.of(1, "8G", "90 minutes")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--task-time 90 minutes: allowed:");
        assertThatThrownBy(() -> TaskResources.of(0, "8G", "1:00:00")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--task-cpus 0: allowed:");
    }

    @Test
    void aKubernetesJobChecksForATrackingServerRetriesPerIndexAndMountsDataAndResults() {
        String manifest = KubernetesJob.manifest("block-size-tradeoff", 3, SWEEP, null, CPU);
        Map<String, Object> job = new Yaml().load(manifest);
        Map<String, Object> spec = map(job.get("spec"));
        Map<String, Object> container = container(manifest);

        assertThat(spec).containsEntry("backoffLimitPerIndex", 2).doesNotContainKey("backoffLimit");
        assertThat(map(job.get("metadata")).get("name")).asString().matches("acdit-block-size-tradeoff-[0-9a-f]{8}");
        assertThat(container).containsEntry("image", "acdit4j:cpu");
        assertThat(map(map(container.get("resources")).get("requests")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("cpu", "1", "memory", "16Gi"));
        assertThat((List<?>) container.get("env")).map(variable -> map(variable).get("name") + "=" + map(variable).get("value"))
                .contains("OMP_NUM_THREADS=1", "ACDIT_THREADS=1");
        assertThat((List<?>) container.get("volumeMounts")).extracting(mount -> map(mount).get("mountPath"))
                .containsExactly(KubernetesJob.RUNS, KubernetesJob.RESULTS, KubernetesJob.DATA);
        assertThat((List<?>) container.get("args")).singleElement().asString()
                .startsWith(": \"${MLFLOW_TRACKING_URI:?")
                .contains("exec ./acdit run block-size-tradeoff --only \"${JOB_COMPLETION_INDEX}\" --workers 1 "
                        + "--preset quick train.steps=12 'track.experimentName=it'\\''s; a test' --runs-dir /work/runs");
    }

    @Test
    void eachSweepOfAnExperimentIsAJobOfItsOwn() {
        String quick = KubernetesJob.name("block-size-tradeoff", List.of("--preset", "quick"));
        String standard = KubernetesJob.name("block-size-tradeoff", List.of());
        String long63 = KubernetesJob.name("x".repeat(100), List.of());

        assertThat(quick).isNotEqualTo(standard);
        assertThat(long63).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    @Test
    void aCudaKubernetesJobRequestsAndLimitsOneGpuAndNamesTheCudaImage() {
        String manifest = KubernetesJob.manifest("block-size-tradeoff", 3, SWEEP, "https://mlflow.example.org", CUDA);
        Map<String, Object> container = container(manifest);

        assertThat(container).containsEntry("image", "acdit4j:cuda");
        Map<String, Object> resources = map(container.get("resources"));
        assertThat(map(resources.get("requests"))).containsEntry("nvidia.com/gpu", 1).containsEntry("cpu", "1");
        assertThat(map(resources.get("limits"))).containsExactlyEntriesOf(Map.of("nvidia.com/gpu", 1));
        assertThat((List<?>) container.get("args")).singleElement().asString().startsWith("exec ./acdit")
                .endsWith("--tracking-uri https://mlflow.example.org");
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
