package org.acdit4j.evaluators.testing;

import java.util.Random;
import org.acdit4j.framework.data.ImageBatch;

/** Image corruptions for metric sanity checks: additive Gaussian pixel noise and box blur. */
public final class Degradations {

    private Degradations() {
    }

    /** Adds N(0, σ²) noise to every pixel (in the [-1, 1] scale) and clips to [-1, 1]. */
    public static ImageBatch gaussianNoise(ImageBatch images, double sigma, long seed) {
        Random random = new Random(seed);
        float[] pixels = images.pixels().clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Math.max(-1, Math.min(1, pixels[i] + sigma * random.nextGaussian()));
        }
        return new ImageBatch(images.geometry(), pixels, images.labels());
    }

    /** Replaces each pixel by the mean of the (2r + 1)² window around it, clipped at the image border. */
    public static ImageBatch boxBlur(ImageBatch images, int radius) {
        int h = images.geometry().height();
        int w = images.geometry().width();
        int planes = images.size() * images.geometry().frames() * images.geometry().channels();
        float[] source = images.pixels(); // (planes, H, W)
        float[] blurred = new float[source.length];
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    int count = 0;
                    for (int yy = Math.max(0, y - radius); yy <= Math.min(h - 1, y + radius); yy++) {
                        for (int xx = Math.max(0, x - radius); xx <= Math.min(w - 1, x + radius); xx++) {
                            sum += source[base + yy * w + xx];
                            count++;
                        }
                    }
                    blurred[base + y * w + x] = sum / count;
                }
            }
        }
        return new ImageBatch(images.geometry(), blurred, images.labels());
    }

    /** Pure uniform noise images in [-1, 1] with the labels of {@code images}. */
    public static ImageBatch uniformNoise(ImageBatch images, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[images.pixels().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat() * 2 - 1;
        }
        return new ImageBatch(images.geometry(), pixels, images.labels());
    }
}
