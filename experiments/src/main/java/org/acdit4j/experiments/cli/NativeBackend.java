package org.acdit4j.experiments.cli;

import java.lang.reflect.InvocationTargetException;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts the ND4J backend that the classpath ships, or explains in one line why it cannot start and how to get
 * a build that can. A CUDA build is probed first, the way ND4J's CUDA backend starts (loading the CUDA runtime
 * bindings, then counting devices), because ND4J itself prints a stack trace for a missing driver and then only
 * says that no backend is available.
 */
final class NativeBackend {

    /** The JavaCPP bindings of the CUDA runtime; loading the class loads {@code libcudart} and {@code libcuda}. */
    static final String CUDA_RUNTIME_CLASS = "org.bytedeco.cuda.global.cudart";
    static final String BACK_TO_CPU = "to go back to the CPU build run `ACDIT_MAVEN_PROFILES= ./acdit doctor` "
            + "(or `mvn -DskipTests package`)";

    private NativeBackend() {
    }

    /**
     * Makes sure the backend is up; later {@link Nd4j} calls then just work.
     *
     * @throws BackendUnavailableException naming the build, the reason and the way back to a CPU build
     */
    static void start() {
        String cudaJar = BackendInfo.cudaJar();
        if (!cudaJar.isEmpty()) {
            probeCuda(cudaJar);
        }
        try {
            Nd4j.getBackend();
        } catch (LinkageError | RuntimeException e) {
            throw new BackendUnavailableException("the ND4J backend did not start: " + rootMessage(e) + "; "
                    + (cudaJar.isEmpty() ? "rebuild with `mvn -DskipTests package`" : BACK_TO_CPU));
        }
    }

    private static void probeCuda(String cudaJar) {
        String build = "this is a CUDA build (" + cudaJar + ") but ";
        Class<?> runtime;
        try {
            runtime = Class.forName(CUDA_RUNTIME_CLASS, true, NativeBackend.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BackendUnavailableException(build + "the CUDA driver did not load (" + withoutLibraryPath(rootMessage(e))
                    + "): this machine has no NVIDIA driver or GPU; " + BACK_TO_CPU);
        }
        int devices = deviceCount(runtime);
        if (devices < 1) {
            throw new BackendUnavailableException(build + "no CUDA device is visible (cudaGetDeviceCount: "
                    + (devices == 0 ? "0 devices" : "error " + -devices) + "); check nvidia-smi and "
                    + "CUDA_VISIBLE_DEVICES, or " + BACK_TO_CPU);
        }
    }

    /** The number of CUDA devices, or minus the CUDA error code when counting failed. */
    private static int deviceCount(Class<?> runtime) {
        int[] count = {0};
        try {
            int error = (Integer) runtime.getMethod("cudaGetDeviceCount", int[].class).invoke(null, (Object) count);
            return error == 0 ? count[0] : -error;
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new BackendUnavailableException("cannot count CUDA devices: " + rootMessage(e) + "; " + BACK_TO_CPU);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** {@code /root/.javacpp/cache/…/libjnicudart.so: libcuda.so.1: cannot open…} → {@code libcuda.so.1: cannot open…}. */
    private static String withoutLibraryPath(String message) {
        int separator = message.indexOf(".so: ");
        return message.startsWith("/") && separator > 0 ? message.substring(separator + ".so: ".length()) : message;
    }
}
