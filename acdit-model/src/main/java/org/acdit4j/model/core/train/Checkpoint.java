package org.acdit4j.model.core.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A checkpoint file: a zip with {@code meta.properties} (config fingerprint, step, RNG state, ...) and one
 * entry per array in ND4J's binary format. Written to a temporary file in the same directory and moved
 * into place atomically, so a crash never leaves a half-written checkpoint.
 */
public record Checkpoint(Properties meta, Map<String, INDArray> arrays) {

    private static final String META = "meta.properties";

    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
             ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry(META));
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            meta.store(m, "acdit checkpoint");
            zip.write(m.toByteArray());
            zip.closeEntry();
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry("arrays/" + e.getKey()));
                DataOutputStream out = new DataOutputStream(zip);
                Nd4j.write(e.getValue(), out);
                out.flush();
                zip.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Checkpoint read(Path file) throws IOException {
        Properties meta = new Properties();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
             ZipInputStream zip = new ZipInputStream(is)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (META.equals(e.getName())) {
                    meta.load(new java.io.InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1));
                } else {
                    arrays.put(e.getName().substring("arrays/".length()),
                            Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes))));
                }
            }
        }
        return new Checkpoint(meta, arrays);
    }
}
