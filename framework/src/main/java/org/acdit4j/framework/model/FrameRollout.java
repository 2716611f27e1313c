package org.acdit4j.framework.model;

import org.acdit4j.framework.data.ImageBatch;

/**
 * Optional capability of a video {@link GenerativeModel}: generating clips longer than the ones it was trained
 * on, conditioning each new block on a bounded window of the most recent frames.
 */
public interface FrameRollout {

    /**
     * One clip of {@code frames} frames per label of {@code request}, each new block seeing at most the last
     * {@code windowFrames} generated frames; pixels in [-1, 1], geometry = the model's with {@code frames} frames.
     *
     * @throws IllegalArgumentException naming the bad setting when the window or length is not allowed
     */
    ImageBatch sampleFrames(SampleRequest request, int frames, int windowFrames);

    /** The largest window that keeps every attention offset inside the trained clip length. */
    int maxWindowFrames();
}
