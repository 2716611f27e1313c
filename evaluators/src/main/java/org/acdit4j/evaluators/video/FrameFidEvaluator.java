package org.acdit4j.evaluators.video;

import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.fid.FidEvaluator;
import org.acdit4j.framework.evaluation.EvaluationResult;

/**
 * Per-frame FID of generated clips: for every frame index t, the FID between frame t of the samples and frame t
 * of as many reference training clips, with the feature network of the frames' image dataset. Reports each index
 * ({@code frame-fid.frame<t>}) and their mean ({@code frame-fid}). The pooled FID over all frames is what the
 * {@code fid} evaluator reports for a video dataset.
 */
public final class FrameFidEvaluator extends ClipQualityEvaluator {

    public FrameFidEvaluator(FeatureNetworks networks) {
        super(FrameFidMetrics.EVALUATOR, FrameFidMetrics.WRITTEN, networks);
    }

    @Override
    EvaluationResult measure(ClipEvaluation clips) {
        int frames = clips.frames();
        Map<String, Double> metrics = new LinkedHashMap<>();
        double sum = 0;
        for (int t = 0; t < frames; t++) {
            double fid = FidEvaluator.between(clips.network(), clips.generated().frame(t), clips.real().frame(t));
            metrics.put(FrameFidMetrics.PER_FRAME.frame(t).text(), fid);
            sum += fid;
        }
        metrics.put(FrameFidMetrics.FRAME_FID.text(), sum / frames);
        metrics.put(FrameFidMetrics.SAMPLES.text(), (double) clips.generated().size());
        return result(metrics, clips.network());
    }
}
