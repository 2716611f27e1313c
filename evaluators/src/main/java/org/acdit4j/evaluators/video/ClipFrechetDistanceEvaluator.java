package org.acdit4j.evaluators.video;

import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.fid.FrechetDistance;
import org.acdit4j.evaluators.fid.GaussianFit;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationResult;

/**
 * A clip-level Fréchet distance, our analogue of FVD: each clip is described by the concatenation of its
 * frames' feature vectors (T × 128 values, in frame order), so the Gaussian fit sees how frames go together
 * (motion, identity kept across frames) and not only what single frames look like. FVD proper uses an I3D video
 * network, which does not exist for 32-pixel digits; values are comparable only with each other.
 */
public final class ClipFrechetDistanceEvaluator extends ClipQualityEvaluator {

    public ClipFrechetDistanceEvaluator(FeatureNetworks networks) {
        super(ClipFrechetDistanceMetrics.EVALUATOR, ClipFrechetDistanceMetrics.WRITTEN, networks);
    }

    @Override
    EvaluationResult measure(ClipEvaluation clips) {
        FeatureNetwork network = clips.network();
        double distance = FrechetDistance.between(
                GaussianFit.of(clipFeatures(network, clips.generated(), clips.frames())),
                GaussianFit.of(clipFeatures(network, clips.real(), clips.frames())));
        return result(Map.of(ClipFrechetDistanceMetrics.CLIP_FD.text(), distance,
                ClipFrechetDistanceMetrics.SAMPLES.text(), (double) clips.generated().size(),
                ClipFrechetDistanceMetrics.DIMENSION.text(), (double) clips.frames() * network.featureSize()), network);
    }

    /** One row per clip: its frames' features side by side, (N, T·featureSize). */
    static float[][] clipFeatures(FeatureNetwork network, ImageBatch clips, int frames) {
        float[][] perFrame = network.run(clips).features();                       // (N·T, featureSize), clip-major
        int size = network.featureSize();
        float[][] rows = new float[clips.size()][frames * size];
        for (int i = 0; i < clips.size(); i++) {
            for (int t = 0; t < frames; t++) {
                System.arraycopy(perFrame[i * frames + t], 0, rows[i], t * size, size);
            }
        }
        return rows;
    }
}
