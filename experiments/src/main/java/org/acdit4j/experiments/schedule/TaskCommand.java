package org.acdit4j.experiments.schedule;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.acdit4j.experiments.cli.AcditMain;

/**
 * How a Slurm task starts {@code acdit}: the project's {@code ./acdit} launcher by its absolute path when this process
 * was started by it, with {@code ACDIT_NO_BUILD=1} so a task refuses a stale jar in one line instead of rebuilding it
 * under the other tasks; otherwise (a development classpath, as in the tests) this process's java and classpath.
 *
 * @param shellText the start of the task's command line, as shell text
 */
record TaskCommand(String shellText) {

    /** The launcher's folder, set by {@code ./acdit}. */
    private static final String HOME_PROPERTY = "acdit.home";

    static TaskCommand forThisProcess() {
        String home = System.getProperty(HOME_PROPERTY, "");
        Path launcher = Path.of(home.isBlank() ? "." : home).toAbsolutePath().normalize().resolve("acdit");
        if (!home.isBlank() && Files.isExecutable(launcher)) {
            return new TaskCommand("ACDIT_NO_BUILD=1 " + ShellWords.quote(launcher.toString()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        return new TaskCommand(ShellWords.quote(java) + " ${ACDIT_JAVA_OPTS} -cp " + ShellWords.quote(classpath) + " "
                + AcditMain.class.getName());
    }
}
