package org.acdit4j.framework.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Clips seen frame by frame, as the feature networks and the video metrics see them. */
class ImageBatchFramesTest {

    private static final Geometry CLIP = new Geometry(1, 2, 2, 3, 10);   // 3 frames of 2×2

    @Test
    void framesKeepTheirClipsLabelAndOrder() {
        float[] pixels = new float[2 * 12];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        ImageBatch clips = new ImageBatch(CLIP, pixels, new int[] {4, 7});

        ImageBatch frames = clips.asFrames();
        assertThat(frames.geometry()).isEqualTo(Geometry.image(1, 2, 2, 10));
        assertThat(frames.labels()).containsExactly(4, 4, 4, 7, 7, 7);
        assertThat(frames.example(4)).containsExactly(16, 17, 18, 19);          // clip 1, frame 1

        ImageBatch second = clips.frame(2);
        assertThat(second.labels()).containsExactly(4, 7);
        assertThat(second.pixels()).containsExactly(8, 9, 10, 11, 20, 21, 22, 23);
        assertThatThrownBy(() -> clips.frame(3)).hasMessage("frame 3 outside 0..2");

        ImageSet set = new ImageSet(CLIP, new byte[24], new int[] {4, 7});
        assertThat(set.asFrames().size()).isEqualTo(6);
        assertThat(set.asFrames().label(5)).isEqualTo(7);
    }
}
