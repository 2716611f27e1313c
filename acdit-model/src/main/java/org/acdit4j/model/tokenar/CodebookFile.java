package org.acdit4j.model.tokenar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.acdit4j.framework.io.AtomicFiles;

/**
 * A fitted codebook on disk: a magic line, the fingerprint of what it was fitted on (data, patch, codes, seed),
 * the code count and dimension, the vectors as floats, and a SHA-256 of all of that as trailer. Reading checks
 * the trailer and the fingerprint: a damaged file or one fitted for something else fails with one line naming it.
 */
public final class CodebookFile {

    private static final byte[] MAGIC = "ACDIT4J-CODEBOOK-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;

    private CodebookFile() {
    }

    /** Writes {@code codebook} with {@code fingerprint} atomically (temp file + rename). */
    public static void write(Path file, String fingerprint, Codebook codebook) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeUTF(fingerprint);
            out.writeInt(codebook.codes());
            out.writeInt(codebook.dimension());
            for (float v : codebook.vectors()) {
                out.writeFloat(v);
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] content = Arrays.copyOf(body, body.length + DIGEST_BYTES);
            System.arraycopy(sha256(body), 0, content, body.length, DIGEST_BYTES);
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write codebook file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The codebook in {@code file}, which must have been written for {@code fingerprint}.
     *
     * @throws IllegalArgumentException naming the file when it is damaged or was fitted for another fingerprint
     * @throws NoSuchFileException when there is no such file
     */
    public static Codebook read(Path file, String fingerprint) throws NoSuchFileException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read codebook file " + file + ": " + e.getMessage(), e);
        }
        if (content.length < MAGIC.length + DIGEST_BYTES
                || !Arrays.equals(Arrays.copyOf(content, MAGIC.length), MAGIC)) {
            throw corrupt(file, "not a codebook file");
        }
        byte[] body = Arrays.copyOf(content, content.length - DIGEST_BYTES);
        byte[] trailer = Arrays.copyOfRange(content, body.length, content.length);
        if (!MessageDigest.isEqual(sha256(body), trailer)) {
            throw corrupt(file, "checksum mismatch");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, MAGIC.length,
                    body.length - MAGIC.length));
            String saved = in.readUTF();
            if (!saved.equals(fingerprint)) {
                throw new IllegalArgumentException("codebook file " + file + " was fitted for [" + saved
                        + "], this model needs [" + fingerprint + "]; delete the file to fit it again");
            }
            int codes = in.readInt();
            int dimension = in.readInt();
            if (codes < 2 || dimension < 1 || (long) codes * dimension * Float.BYTES != in.available()) {
                throw corrupt(file, "sizes do not match its length");
            }
            float[] vectors = new float[codes * dimension];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = in.readFloat();
            }
            return new Codebook(codes, dimension, vectors);
        } catch (IOException e) {
            throw corrupt(file, "truncated");
        }
    }

    private static IllegalArgumentException corrupt(Path file, String why) {
        return new IllegalArgumentException("codebook file " + file + " is corrupt (" + why
                + "); delete it to fit the codebook again");
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
