package org.acdit4j.experiments.definitions;

/**
 * The settings shared by the image experiments' {@code standard} presets: the geometry, model size and
 * training recipe chosen so that a 2-core CPU trains class-conditional models within the preset's budget
 * (results/README.md has the search that chose them). Every configuration of an experiment gets the same
 * recipe; only the swept keys differ. 16×16 MNIST at patch 2 has the token grid of 32×32 at patch 4
 * (8×8 = 64 tokens), so block sizes 1, 4, 16 and 64 keep their meaning; patch 4 stands in for patch 8.
 * Every 500 steps FID and class agreement are measured on 200 samples, for the equal-compute comparison.
 */
final class CpuScale {

    /** Overrides of a {@code standard} preset, before the experiment's own. */
    static final String[] STANDARD = {"data.name=mnist", "data.size=16", "model.patch=2", "model.width=64",
            "model.depth=3", "model.heads=4", "train.batch=64", "train.lr=2e-3", "train.warmupSteps=200",
            "train.schedule=wsd", "train.ema=0.995", "train.lossWeighting=min-snr", "sample.solver=ddim",
            "sample.steps=25", "evaluate.samples=1000", "track.checkpointEvery=500", "track.evaluateEvery=500",
            "track.evaluateWith=fid,class-agreement", "track.evaluateSamples=200"};

    private CpuScale() {
    }

    /** {@link #STANDARD} followed by {@code more}. */
    static String[] standard(String... more) {
        String[] all = new String[STANDARD.length + more.length];
        System.arraycopy(STANDARD, 0, all, 0, STANDARD.length);
        System.arraycopy(more, 0, all, STANDARD.length, more.length);
        return all;
    }
}
