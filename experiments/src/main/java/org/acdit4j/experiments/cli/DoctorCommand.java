package org.acdit4j.experiments.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.data.DatasetFactory;
import org.acdit4j.framework.data.MnistFamilyDatasetFactory;
import org.acdit4j.framework.data.MovingMnistDatasetFactory;
import org.acdit4j.framework.data.source.NpmTarballCache;
import org.acdit4j.framework.system.RunThreads;
import org.acdit4j.model.core.execution.MallocTrim;
import org.acdit4j.tracking.TrackerSelection;
import org.acdit4j.tracking.TrackingTarget;
import org.acdit4j.tracking.file.MlrunsStore;
import org.acdit4j.tracking.sql.SqliteStoreStatus;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code acdit doctor}: everything that decides whether runs will be fast and correct on this machine,
 * printed as a table: Java, ND4J backend and BLAS, threads, CPU features, classpath, data cache, tracking
 * store, memory and disk.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the machine: Java, ND4J backend, threads, CPU, classpath, data cache, tracking, memory, disk.")
public final class DoctorCommand implements Callable<Integer> {

    private static final List<String> CPU_FEATURES = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_bf16");
    private static final List<String> THREAD_VARIABLES = List.of("OMP_NUM_THREADS", "ACDIT_THREADS", "ACDIT_MALLOC",
            "LD_PRELOAD", "MALLOC_CONF", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_");

    private final Provider<Map<String, DatasetFactory>> datasets;
    private final Provider<DataDirectory> dataDirectory;
    private final Provider<NpmTarballCache> tarballs;
    private final Provider<TrackerSelection> trackers;
    private final GlobalOptions options;
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Inject
    DoctorCommand(Provider<Map<String, DatasetFactory>> datasets, Provider<DataDirectory> dataDirectory,
                  Provider<NpmTarballCache> tarballs, Provider<TrackerSelection> trackers, GlobalOptions options,
                  @Named("environment") Map<String, String> environment) {
        this.trackers = trackers;
        this.datasets = datasets;
        this.dataDirectory = dataDirectory;
        this.tarballs = tarballs;
        this.options = options;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        section(out, "java");
        row(out, "version", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        row(out, "home", System.getProperty("java.home"));
        row(out, "max heap", gib(Runtime.getRuntime().maxMemory()));
        row(out, "classpath", classpathSummary());

        section(out, "nd4j");
        BackendUnavailableException unavailable = nd4jRows(out);

        section(out, "threads and memory settings");
        row(out, "allocator", MallocTrim.allocator().name().toLowerCase(Locale.ROOT));
        row(out, "run threads", RunThreads.available() + " (ACDIT_THREADS, default the cores; a sweep divides them among its workers)");
        for (String variable : THREAD_VARIABLES) {
            row(out, variable, environment.getOrDefault(variable, "(unset)"));
        }

        section(out, "cpu");
        row(out, "cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        row(out, "model", cpuInfoField("model name"));
        row(out, "features", cpuFeatures());

        section(out, "data cache");
        DataDirectory directory = dataDirectory.get();
        row(out, "directory", directory.root() + (Files.isDirectory(directory.root()) ? "" : " (not created yet)"));
        datasets.get().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> row(out, entry.getKey(), cacheState(entry.getValue())));

        section(out, "tracking");
        trackingRows(out);

        section(out, "memory and disk");
        row(out, "memory available", memoryAvailable());
        row(out, "disk free (here)", diskFree(Path.of("").toAbsolutePath()));
        row(out, "disk free (data)", diskFree(directory.root()));
        out.flush();
        if (unavailable != null) {
            throw unavailable;
        }
        return 0;
    }

    /** The backend's rows, or one row saying it cannot start; the reason is returned to end the command with. */
    private static BackendUnavailableException nd4jRows(PrintWriter out) {
        try {
            NativeBackend.start();
        } catch (BackendUnavailableException e) {
            row(out, "backend", "cannot start (" + BackendInfo.nativesJar() + "), see the last line");
            return e;
        }
        var info = Nd4j.getExecutioner().getEnvironmentInformation();
        row(out, "backend", Nd4j.getBackend().getClass().getSimpleName() + " (nd4j " + BackendInfo.nd4jVersion() + ")");
        row(out, "natives", BackendInfo.nativesJar() + "; built with " + String.join(", ", BackendInfo.nativeBuildFeatures()));
        row(out, "blas", info.get("blas.vendor") + ", " + info.get("blas.threads") + " thread(s)");
        row(out, "openmp threads", String.valueOf(info.get("omp.threads")));
        return null;
    }

    /**
     * Where runs would go, resolved exactly as {@code run} resolves it; a bad URI is shown, not thrown. For a
     * SQLite store also the database, its schema revision (or what is wrong with it) and the artifact folder.
     */
    private void trackingRows(PrintWriter out) {
        TrackingTarget target;
        try {
            target = trackers.get().resolve(options.trackingUri());
        } catch (RuntimeException e) {
            row(out, "uri", "invalid: " + e.getMessage());
            return;
        }
        row(out, "uri", target.display() + " (" + target.origin() + ")");
        if (target.isSqlite()) {
            SqliteStoreStatus status = SqliteStoreStatus.inspect(target.sqlite());
            row(out, "database", status.location().database().toString());
            row(out, "schema", status.schema());
            row(out, "acdit4j writes it", status.usable() ? "yes" : "no");
            row(out, "artifacts", status.location().artifactRoot().toString());
        } else if (!target.isServer()) {
            row(out, "acdit4j writes it", MlrunsStore.problem(target.storeRoot()).map(problem -> "no: " + problem)
                    .orElse("yes"));
        }
    }

    private String cacheState(DatasetFactory factory) {
        if (factory instanceof MovingMnistDatasetFactory) {
            return "generated from the mnist digits, cached per setting as " + MovingMnistDatasetFactory.NAME
                    + "-*.u8";
        }
        if (!(factory instanceof MnistFamilyDatasetFactory family)) {
            return "generated in memory, nothing to fetch";
        }
        Path tarball = tarballs.get().location(family.npmPackage());
        String fetched = Files.isRegularFile(tarball)
                ? family.npmPackage().spec() + " fetched (" + mib(size(tarball)) + ")"
                : family.npmPackage().spec() + " not fetched";
        String parsed = Files.isRegularFile(family.pixelCache())
                ? "binary cache " + mib(size(family.pixelCache()))
                : "no binary cache";
        return fetched + ", " + parsed + "; " + family.splitDescription();
    }

    private static String classpathSummary() {
        List<Path> entries = BackendInfo.classpathEntries();
        long bytes = entries.stream().mapToLong(DoctorCommand::size).sum();
        return entries.size() + " entries, " + mib(bytes);
    }

    private static String cpuInfoField(String field) {
        for (String line : readLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith(field)) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }

    private static String cpuFeatures() {
        String flags = " " + cpuInfoField("flags") + " ";
        List<String> parts = new ArrayList<>();
        for (String feature : CPU_FEATURES) {
            parts.add(feature + (flags.contains(" " + feature + " ") ? " yes" : " no"));
        }
        return String.join(", ", parts);
    }

    private static String memoryAvailable() {
        for (String line : readLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemAvailable:")) {
                long kib = Long.parseLong(line.replaceAll("\\D", ""));
                return gib(kib * 1024);
            }
        }
        return "unknown";
    }

    private static String diskFree(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? "unknown" : gib(Files.getFileStore(existing).getUsableSpace()) + " at " + existing;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    private static String gib(long bytes) {
        return String.format("%.1f GiB", bytes / 1073741824.0);
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println("[" + title + "]");
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf("  %-24s %s%n", key, value);
    }
}
