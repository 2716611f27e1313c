package org.acdit4j.framework.data;

/** The smallest and the largest pixel value of a batch. */
record PixelRange(float min, float max) {

    static PixelRange of(ImageBatch batch) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float value : batch.pixels()) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new PixelRange(min, max);
    }
}
