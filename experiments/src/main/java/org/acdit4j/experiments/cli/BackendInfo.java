package org.acdit4j.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Facts about the ND4J backend and the classpath it was loaded from. */
public final class BackendInfo {

    private BackendInfo() {
    }

    /**
     * One line for run provenance, e.g. {@code CpuBackend nd4j 1.0.0-M2.1 (nd4j-native-…-onednn-avx2.jar)}.
     *
     * @throws BackendUnavailableException when the backend cannot start on this machine
     */
    static String describe() {
        NativeBackend.start();
        String natives = nativesJar();
        return Nd4j.getBackend().getClass().getSimpleName() + " nd4j " + nd4jVersion()
                + (natives.isEmpty() ? "" : " (" + natives + ")");
    }

    static String nd4jVersion() {
        for (Path entry : classpathEntries()) {
            String name = entry.getFileName().toString();
            if (name.startsWith("nd4j-api-") && name.endsWith(".jar")) {
                return name.substring("nd4j-api-".length(), name.length() - ".jar".length());
            }
        }
        return "version unknown";
    }

    static String nativesJar() {
        for (Path entry : classpathEntries()) {
            String name = entry.getFileName().toString();
            if ((name.startsWith("nd4j-native-") || name.startsWith("nd4j-cuda-")) && !name.contains("preset")
                    && (name.contains("linux-") || name.contains("windows-") || name.contains("macosx-"))) {
                return name;
            }
        }
        return "";
    }

    /** The CUDA backend's natives jar when this is a CUDA build, else empty. */
    public static String cudaJar() {
        String natives = nativesJar();
        return natives.startsWith("nd4j-cuda-") ? natives : "";
    }

    static List<String> nativeBuildFeatures() {
        List<String> features = new ArrayList<>();
        for (String line : NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().split("\\R")) {
            if (line.startsWith("HAVE_")) {
                features.add(line.substring("HAVE_".length()).toLowerCase(Locale.ROOT));
            }
        }
        return features;
    }

    /** The classpath, including the manifest Class-Path of an executable jar. */
    static List<Path> classpathEntries() {
        List<Path> entries = new ArrayList<>();
        for (String element : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(element).toAbsolutePath();
            entries.add(path);
            if (element.endsWith(".jar") && Files.isRegularFile(path)) {
                entries.addAll(manifestClassPath(path));
            }
        }
        return entries;
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return List.of();
            }
            List<Path> entries = new ArrayList<>();
            for (String relative : classPath.trim().split("\\s+")) {
                entries.add(jar.getParent().resolve(relative));
            }
            return entries;
        } catch (IOException e) {
            return List.of();
        }
    }
}
