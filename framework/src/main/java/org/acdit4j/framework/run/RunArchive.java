package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.acdit4j.framework.tracking.RunStatus;

/**
 * Finished runs kept beside the report they belong to, {@code <report folder>/runs/<run>/} (for the
 * {@code standard} preset that is {@code results/<experiment>/runs/}, which is committed): each run's record,
 * configuration, loss curve, evaluations while training and samples, but neither its checkpoints nor its log, with
 * the checksums of those files ({@link ArchiveChecksums}), checked before a restore. A
 * sweep too long for one machine or session is finished in parts: archive what one machine finished, commit it,
 * and a later sweep on any machine restores those runs into its run folders, where they count as finished.
 */
public final class RunArchive {

    /** The archive's folder name inside a report folder. */
    public static final String FOLDER = "runs";

    private final Path root;

    public RunArchive(Path root) {
        this.root = root;
    }

    /** The archive of the report written to {@code reportFolder}. */
    public static RunArchive beside(Path reportFolder) {
        return new RunArchive(reportFolder.resolve(FOLDER));
    }

    public Path root() {
        return root;
    }

    /** The archived copy of the run named {@code runName} (which may not exist). */
    public RunFolder folder(String runName) {
        return new RunFolder(root.resolve(runName));
    }

    /**
     * Copies {@code run}, which must have finished, into the archive, replacing an earlier copy of it; the archive
     * never holds half a run.
     */
    public void add(RunFolder run) {
        if (run.record().map(record -> record.status() != RunStatus.FINISHED).orElse(true)) {
            throw new IllegalArgumentException(run.root() + " holds no finished run");
        }
        try {
            replace(run.root(), archivedFiles(run), root.resolve(run.root().getFileName().toString()), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + run.root() + " into " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores into {@code runsRoot} every archived run of {@code plans} that has no run folder there yet, and returns
     * the names restored: what a sweep counts as done. Every candidate is checked first: when a file of an archived
     * run was changed, removed or added since it was archived, when it is not FINISHED, or when it was made with
     * another configuration than its plan now resolves to (its values), nothing is copied and the error names the
     * archived folder and the fault (the files, the status, the keys that differ).
     */
    public List<String> restore(List<RunPlan> plans, Path runsRoot) {
        List<RunPlan> restorable = new ArrayList<>();
        for (RunPlan plan : plans) {
            RunFolder archived = folder(plan.name());
            Path local = localFolder(runsRoot, plan.spec().name(), plan.name());
            if (!Files.isDirectory(archived.root()) || Files.exists(local)) {
                continue;
            }
            requireTrusted(archived);
            List<String> differences = archived.differencesFrom(plan.values());
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException(archived.root() + " was archived from another configuration ("
                        + String.join("; ", differences) + "); delete it to run that run again");
            }
            restorable.add(plan);
        }
        restorable.forEach(plan -> copyOut(plan.name(), localFolder(runsRoot, plan.spec().name(), plan.name())));
        return restorable.stream().map(RunPlan::name).toList();
    }

    /**
     * Restores into {@code runsRoot} every run of the archive that has no run folder there yet, whatever today's plans
     * are, and returns the names restored: what a report reads, since each run folder carries the plan it was made
     * with. The same checks as {@link #restore} come first, but for the configuration, which the report compares
     * with today's definition itself.
     */
    public List<String> restoreAll(String experiment, Path runsRoot) {
        List<String> names;
        try (Stream<Path> folders = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            names = folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted()
                    .filter(name -> !Files.exists(localFolder(runsRoot, experiment, name))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        names.forEach(name -> requireTrusted(folder(name)));
        names.forEach(name -> copyOut(name, localFolder(runsRoot, experiment, name)));
        return names;
    }

    private static Path localFolder(Path runsRoot, String experiment, String runName) {
        return RunFolder.of(runsRoot, experiment, runName).root();
    }

    /** Refuses an archived run whose files changed since it was archived, or that did not finish. */
    private static void requireTrusted(RunFolder archived) {
        Optional<String> fault = ArchiveChecksums.fault(archived.root());
        if (fault.isPresent()) {
            throw new IllegalArgumentException("the archived run " + archived.root() + " cannot be trusted: "
                    + fault.get() + "; allowed: runs as acdit archive wrote them (archive it again, or delete it)");
        }
        RunStatus status = archived.record().map(RunRecord::status).orElse(null);
        if (status != RunStatus.FINISHED) {
            throw new IllegalArgumentException("the archived run " + archived.root() + " is " + status
                    + ", not FINISHED; allowed: finished runs only (delete it)");
        }
    }

    /** Copies the archived run {@code runName}, without its checksums, to {@code target}. */
    private void copyOut(String runName, Path target) {
        Path archived = folder(runName).root();
        try (Stream<Path> files = Files.walk(archived)) {
            replace(archived, files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(ArchiveChecksums.FILE)).sorted().toList(),
                    target, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + archived + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** The run's files an archive keeps: everything but its checkpoints, its log and temporary files. */
    private static List<Path> archivedFiles(RunFolder run) throws IOException {
        try (Stream<Path> files = Files.walk(run.root())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(run.checkpoints()) && !file.equals(run.log()))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /**
     * Makes {@code target} a folder of exactly {@code files} (all under {@code from}, at their relative paths), plus
     * their {@link ArchiveChecksums} when {@code withChecksums}: they are copied into a hidden sibling, which then
     * replaces {@code target} by a rename, so no reader ever sees half.
     */
    private static void replace(Path from, List<Path> files, Path target, boolean withChecksums) throws IOException {
        Path staging = target.resolveSibling("." + target.getFileName() + ".tmp");
        deleteTree(staging);
        for (Path file : files) {
            Path copy = staging.resolve(from.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        if (withChecksums) {
            ArchiveChecksums.write(staging);
        }
        deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
