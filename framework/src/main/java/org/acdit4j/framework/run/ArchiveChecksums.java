package org.acdit4j.framework.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code SHA256SUMS} file of an archived run: the SHA-256 of every other file of the folder, one
 * {@code <hex>  <relative path>} line each in path order ({@code sha256sum -c SHA256SUMS} checks it too). Written when a
 * run is archived, checked before it is restored, so an archived run edited, truncated or missing a file by hand is
 * refused instead of counting in a report.
 */
final class ArchiveChecksums {

    static final String FILE = "SHA256SUMS";

    private ArchiveChecksums() {
    }

    /** Writes the checksums of every file under {@code folder}. */
    static void write(Path folder) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> entry : compute(folder).entrySet()) {
            lines.append(entry.getValue()).append("  ").append(entry.getKey()).append('\n');
        }
        Files.writeString(folder.resolve(FILE), lines);
    }

    /** What is wrong with {@code folder} against its checksums, or empty when every file matches. */
    static Optional<String> fault(Path folder) {
        Path sums = folder.resolve(FILE);
        if (!Files.isRegularFile(sums)) {
            return Optional.of("it has no " + FILE);
        }
        try {
            Map<String, String> recorded = new LinkedHashMap<>();
            for (String line : Files.readAllLines(sums)) {
                if (!line.matches("[0-9a-f]{64}  .+")) {
                    return Optional.of(FILE + " has a malformed line '" + line + "'");
                }
                recorded.put(line.substring(66), line.substring(0, 64));
            }
            Map<String, String> actual = compute(folder);
            List<String> faults = new ArrayList<>();
            for (String file : new TreeSet<>(recorded.keySet())) {
                if (!actual.containsKey(file)) {
                    faults.add(file + " is missing");
                } else if (!actual.get(file).equals(recorded.get(file))) {
                    faults.add(file + " was changed");
                }
            }
            actual.keySet().stream().filter(file -> !recorded.containsKey(file))
                    .forEach(file -> faults.add(file + " was added"));
            return faults.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", faults) + " since it was archived");
        } catch (IOException e) {
            return Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The SHA-256 of every regular file under {@code folder} but the checksum file, by relative path, sorted. */
    private static Map<String, String> compute(Path folder) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(FILE)) {
                    sums.put(relative, sha256(file));
                }
            }
        }
        return sums;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
