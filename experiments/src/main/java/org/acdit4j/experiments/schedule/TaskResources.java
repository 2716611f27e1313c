package org.acdit4j.experiments.schedule;

import org.acdit4j.experiments.cli.BackendInfo;

/**
 * What one scheduler task asks for: one single-threaded training run ({@code --workers 1},
 * {@code OMP_NUM_THREADS=1}) needs one CPU core; a CUDA build also one GPU. The image is the container the
 * Kubernetes Job runs, as {@code experiments/container/Dockerfile} tags it for this backend.
 *
 * @param cpus   cores per task
 * @param memory memory per task, in GiB (the JVM's 8 GiB heap plus ND4J's native memory)
 * @param gpus   GPUs per task: 1 for a CUDA build, else 0
 * @param image  the container image of the Kubernetes Job
 */
record TaskResources(int cpus, int memory, int gpus, String image) {

    static final TaskResources CPU = new TaskResources(1, 16, 0, "acdit4j:cpu");
    static final TaskResources CUDA = new TaskResources(1, 16, 1, "acdit4j:cuda");

    /** The resources for the build that is running: CUDA when its classpath holds the CUDA backend's natives. */
    static TaskResources forThisBuild() {
        return BackendInfo.cudaJar().isEmpty() ? CPU : CUDA;
    }
}
