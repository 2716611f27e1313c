package org.acdit4j.evaluators.features;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trained parameters of a feature network with the dataset and image shape it was trained on, in a small
 * versioned binary format. Its fingerprint is the SHA-256 of the serialised bytes.
 */
public final class FeatureNetworkWeights {

    private static final String MAGIC = "acdit4j-feature-network-v1";

    private final String dataset;
    private final int channels;
    private final int side;
    private final int classes;
    private final Map<String, INDArray> parameters;
    private final String fingerprint;

    FeatureNetworkWeights(String dataset, int channels, int side, int classes, Map<String, INDArray> parameters) {
        this.dataset = dataset;
        this.channels = channels;
        this.side = side;
        this.classes = classes;
        Map<String, INDArray> copy = new LinkedHashMap<>();
        parameters.forEach((name, value) -> copy.put(name, value.dup().castTo(DataType.FLOAT)));
        this.parameters = Collections.unmodifiableMap(copy);
        this.fingerprint = Sha256.hex(toBytes());
    }

    /**
     * Reads weights from {@code bytes} after checking their SHA-256 against {@code expectedFingerprint};
     * {@code source} names the file in the error.
     */
    public static FeatureNetworkWeights read(byte[] bytes, String source, String expectedFingerprint) {
        String actual = Sha256.hex(bytes);
        if (!actual.equals(expectedFingerprint)) {
            throw new FingerprintMismatchException(source, actual, expectedFingerprint);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IllegalArgumentException(source + " is not a feature-network weights file");
            }
            String dataset = in.readUTF();
            int channels = in.readInt();
            int side = in.readInt();
            int classes = in.readInt();
            int count = in.readInt();
            Map<String, INDArray> parameters = new LinkedHashMap<>();
            for (int p = 0; p < count; p++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                float[] values = new float[in.readInt()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readFloat();
                }
                parameters.put(name, Nd4j.create(values, shape, 'c'));
            }
            return new FeatureNetworkWeights(dataset, channels, side, classes, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse feature-network weights " + source + ": " + e.getMessage(), e);
        }
    }

    /** Reads a weights file, checking it against {@code expectedFingerprint}. */
    public static FeatureNetworkWeights read(Path file, String expectedFingerprint) throws IOException {
        return read(Files.readAllBytes(file), file.toString(), expectedFingerprint);
    }

    /** Writes the weights atomically (temporary file, then move). */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.write(temporary, toBytes());
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(dataset);
            out.writeInt(channels);
            out.writeInt(side);
            out.writeInt(classes);
            out.writeInt(parameters.size());
            for (Map.Entry<String, INDArray> entry : parameters.entrySet()) {
                out.writeUTF(entry.getKey());
                long[] shape = entry.getValue().shape();
                out.writeInt(shape.length);
                for (long s : shape) {
                    out.writeLong(s);
                }
                float[] values = entry.getValue().dup('c').data().asFloat();
                out.writeInt(values.length);
                for (float v : values) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public String dataset() {
        return dataset;
    }

    public int channels() {
        return channels;
    }

    public int side() {
        return side;
    }

    public int classes() {
        return classes;
    }

    /** SHA-256 of the serialised weights, lower-case hex. */
    public String fingerprint() {
        return fingerprint;
    }

    Map<String, INDArray> parameters() {
        return parameters;
    }
}
