package org.acdit4j.framework.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a run came from: git commit, branch, dirty flag and remote of the source checkout, host, user,
 * OS, Java, and the compute backend. Collected once per process.
 */
public final class Provenance {

    private Provenance() {
    }

    /**
     * @param sourceRoot the project checkout (for git); may be outside any repository
     * @param backend    description of the compute backend, e.g. {@code CpuBackend nd4j 1.0.0-M2.1 onednn-avx2}
     */
    public static Map<String, String> collect(Path sourceRoot, String backend) {
        Map<String, String> facts = new LinkedHashMap<>();
        String commit = git(sourceRoot, "rev-parse", "HEAD");
        if (!commit.isEmpty()) {
            facts.put("git.commit", commit);
            facts.put("git.branch", git(sourceRoot, "rev-parse", "--abbrev-ref", "HEAD"));
            facts.put("git.dirty", String.valueOf(!git(sourceRoot, "status", "--porcelain", "--untracked-files=no").isEmpty()));
            String remote = git(sourceRoot, "config", "--get", "remote.origin.url");
            if (!remote.isEmpty()) {
                facts.put("git.repoURL", remote.replaceFirst("//[^/@]*@", "//"));
            }
        }
        facts.put("host", hostName());
        facts.put("user", System.getProperty("user.name"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("java", System.getProperty("java.version") + " " + System.getProperty("java.vendor"));
        facts.put("backend", backend);
        return facts;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path root, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.getErrorStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return process.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
