package org.acdit4j.evaluators.features;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.acdit4j.framework.data.ImageBatch;

/** Training augmentation: each image translated by a random whole-pixel offset, uncovered pixels black (-1). */
final class RandomShift {

    private final int maxShift;
    private final SplittableRandom random;

    RandomShift(int maxShift, long seed) {
        this.maxShift = maxShift;
        this.random = new SplittableRandom(seed);
    }

    ImageBatch apply(ImageBatch batch) {
        if (maxShift == 0) {
            return batch;
        }
        int planes = batch.geometry().frames() * batch.geometry().channels();
        int h = batch.geometry().height();
        int w = batch.geometry().width();
        float[] source = batch.pixels(); // (N, T·C, H, W)
        float[] shifted = new float[source.length];
        Arrays.fill(shifted, -1f);
        for (int n = 0; n < batch.size(); n++) {
            int dy = random.nextInt(2 * maxShift + 1) - maxShift;
            int dx = random.nextInt(2 * maxShift + 1) - maxShift;
            for (int p = 0; p < planes; p++) {
                int base = (n * planes + p) * h * w;
                for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
                    System.arraycopy(source, base + (y - dy) * w + Math.max(0, -dx), shifted,
                            base + y * w + Math.max(0, dx), w - Math.abs(dx));
                }
            }
        }
        return new ImageBatch(batch.geometry(), shifted, batch.labels());
    }
}
