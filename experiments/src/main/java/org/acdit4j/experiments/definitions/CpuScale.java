package org.acdit4j.experiments.definitions;

/**
 * The settings shared by the image experiments' {@code standard} presets: the geometry, model size and
 * training recipe found to train clearly class-conditional models on a 2-core CPU within the preset's budget
 * (results/README.md has the search log). Every configuration of an experiment gets the same recipe; only the
 * swept keys differ. 16×16 MNIST at patch 4 is a 4×4 grid of 16 tokens (block sizes 16, 4, 1 = AR lengths 1,
 * 4, 16); patch 8 gives 4 tokens. FID and class agreement are also measured every 500 steps on 200 samples,
 * for the comparison at equal training compute.
 */
final class CpuScale {

    /** Overrides of a {@code standard} preset, before the experiment's own. */
    static final String[] STANDARD = {"data.name=mnist", "data.size=16", "model.patch=4", "model.width=64",
            "model.depth=3", "model.heads=4", "train.batch=64", "train.lr=2e-3", "train.warmupSteps=200",
            "train.schedule=wsd", "train.ema=0.995", "train.lossWeighting=min-snr", "sample.solver=ddim",
            "sample.steps=25", "evaluate.samples=1000", "track.checkpointEvery=500", "track.evaluateEvery=500",
            "track.evaluateWith=fid,class-agreement", "track.evaluateSamples=200"};

    private CpuScale() {
    }

    /** {@link #STANDARD} followed by {@code more}. */
    static String[] standard(String... more) {
        return StringLists.followedBy(STANDARD, more);
    }
}
