package org.acdit4j.evaluators.memorisation;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.ImageSet;

/**
 * The training examples by exact content, to count the examples that are one of them. Content is either an
 * example's 8-bit levels ({@link #levels}: a pixel p in [-1, 1] is level round((p + 1) · 127.5), the inverse of how
 * the splits are loaded, so a training image is a copy of itself and a sample is one when every value is within half
 * a level of a training image's) or a model's code sequence ({@link #sequences}). Buffers are equal and hashed by
 * their content.
 */
final class ExactCopies {

    private final Set<Buffer> training;

    private ExactCopies(Set<Buffer> training) {
        this.training = training;
    }

    static ExactCopies of(List<? extends Buffer> trainingExamples) {
        return new ExactCopies(new HashSet<>(trainingExamples));
    }

    /** The share of {@code examples} equal to a training example. */
    double shareOf(List<? extends Buffer> examples) {
        return (double) examples.stream().filter(training::contains).count() / examples.size();
    }

    /** The 8-bit levels of every example of a split, as stored. */
    static List<ByteBuffer> levels(ImageSet set) {
        int d = set.geometry().valuesPerExample();
        List<ByteBuffer> examples = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            byte[] levels = new byte[d];
            for (int k = 0; k < d; k++) {
                levels[k] = (byte) set.value(i, k);
            }
            examples.add(ByteBuffer.wrap(levels));
        }
        return examples;
    }

    /** The 8-bit levels every example of {@code batch} quantises to. */
    static List<ByteBuffer> levels(ImageBatch batch) {
        int d = batch.geometry().valuesPerExample();
        float[] pixels = batch.pixels(); // (N, T, C, H, W)
        List<ByteBuffer> examples = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            byte[] levels = new byte[d];
            for (int k = 0; k < d; k++) {
                levels[k] = (byte) Math.max(0, Math.min(255, Math.round((pixels[i * d + k] + 1) * 127.5f)));
            }
            examples.add(ByteBuffer.wrap(levels));
        }
        return examples;
    }

    /** Code sequences (N, length) flat, one per example. */
    static List<IntBuffer> sequences(int[] codes, int length) {
        List<IntBuffer> examples = new ArrayList<>(codes.length / length);
        for (int from = 0; from < codes.length; from += length) {
            examples.add(IntBuffer.wrap(codes, from, length).slice());
        }
        return examples;
    }
}
