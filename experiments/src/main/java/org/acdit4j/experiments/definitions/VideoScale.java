package org.acdit4j.experiments.definitions;

import org.acdit4j.framework.dsl.DataSection;
import org.acdit4j.framework.dsl.ModelSection;
import org.acdit4j.framework.dsl.SampleSection;
import org.acdit4j.framework.dsl.TrainSection;
import org.acdit4j.framework.dsl.TrackSection;

/**
 * The data, model, training and sampling shared by the video experiments at CPU scale: 8-frame Moving-MNIST clips
 * of 16×16 frames with a 12-pixel digit, patch 4 (16 tokens of 16 values per frame, 128 per clip), width 72 with
 * 2 heads (a head dim of 36 splits into the three RoPE axes). Each frame is then the geometry the image
 * experiments train well ({@link CpuScale}: a 4×4 grid of 4×4 tokens over a digit filling most of the frame).
 * The 32×32 frames at patch 8 (64-value tokens, a 14-pixel digit on 4% of the pixels) drew only
 * background after 32,000 clips, and patch 4 at 32×32 would need four times the tokens (512 per clip); the
 * {@code paper} presets keep 64×64. Being identical, {@code long-horizon} reuses the trainings of
 * {@code video-tradeoff} in a shared runs folder (track.reuseTraining).
 */
final class VideoScale {

    /** The {@code paper} presets' data: the original Moving MNIST's 64×64 frames with its default digit size. */
    private static final String[] PAPER_DATA = {"data.size=64", "data.digitSize=0", "data.frames=16"};

    private VideoScale() {
    }

    /** {@link #PAPER_DATA} followed by {@code more}: a {@code paper} preset. */
    static String[] paper(String... more) {
        return StringLists.followedBy(PAPER_DATA, more);
    }

    static void data(DataSection d) {
        d.name("moving-mnist").size(16).digitSize(12).frames(8).digits(1);
    }

    static void model(ModelSection m) {
        m.name("acdit").width(72).depth(3).heads(2).patch(4).blockSize(16);
    }

    static void train(TrainSection t) {
        t.steps(2000).batch(16).lr(2e-3).warmupSteps(200).schedule("wsd").ema(0.995).lossWeighting("min-snr");
    }

    static void sample(SampleSection s) {
        s.solver("ddim").steps(25).guidance(1.5).batch(50);
    }

    /** Per-frame FID and class agreement on 100 clips every 500 steps, for the progress plots. */
    static void track(TrackSection t) {
        t.logEvery(25).checkpointEvery(250).evaluateEvery(500).evaluateWith("frame-fid", "class-agreement")
                .evaluateSamples(100);
    }
}
