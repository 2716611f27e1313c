package org.acdit4j.evaluators.video;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.acdit4j.evaluators.features.FeatureNetwork;
import org.acdit4j.evaluators.features.FeatureNetworkEvaluator;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.fid.FidEvaluator;
import org.acdit4j.evaluators.sampling.ReferenceImages;
import org.acdit4j.framework.data.Geometry;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.evaluation.EvaluationContext;
import org.acdit4j.framework.evaluation.EvaluationResult;
import org.acdit4j.framework.model.FrameRollout;
import org.acdit4j.framework.model.ModelCapability;
import org.acdit4j.framework.model.SampleRequest;

/**
 * Quality against frame index for rollouts of {@value #LENGTHS}× the trained clip length, generated with the
 * largest context window that keeps attention offsets inside the trained clip ({@link FrameRollout}). For every
 * frame index t: the FID of frame t against real frames pooled over all positions of as many reference training
 * clips (bouncing digits are stationary in time, so every frame index has the same real distribution), and class
 * agreement (does the digit stay the conditioned one). Summaries average the trained range (t below the clip
 * length) and the extrapolated range.
 */
public final class RolloutEvaluator extends FeatureNetworkEvaluator {

    static final int LENGTHS = 4;

    public RolloutEvaluator(FeatureNetworks networks) {
        super(RolloutMetrics.EVALUATOR, RolloutMetrics.WRITTEN, ModelCapability.FRAME_ROLLOUT, networks);
    }

    @Override
    public EvaluationResult evaluate(EvaluationContext context) {
        ClipEvaluation.requireClips(context, name());
        Geometry geometry = context.dataset().geometry();
        String modelClass = context.model().getClass().getSimpleName();
        FrameRollout rollout = context.model().frameRollout().orElseThrow(() -> new IllegalArgumentException(name()
                + " needs a video model that implements FrameRollout, got " + modelClass));
        FeatureNetwork network = network(context);
        int trained = geometry.frames();
        int frames = LENGTHS * trained;
        int window = rollout.maxWindowFrames();
        ImageBatch generated = draw(context, rollout, frames, window);
        ImageBatch real = ReferenceImages.train(context).asFrames();
        Map<String, Double> metrics = new LinkedHashMap<>();
        double[] sums = new double[4];                     // fid trained, fid beyond, agreement trained, beyond
        for (int t = 0; t < frames; t++) {
            ImageBatch frame = generated.frame(t);
            double fid = FidEvaluator.between(network, frame, real);
            double agreement = network.accuracy(frame);
            metrics.put(RolloutMetrics.FID_PER_FRAME.frame(t).text(), fid);
            metrics.put(RolloutMetrics.CLASS_AGREEMENT_PER_FRAME.frame(t).text(), agreement);
            int range = t < trained ? 0 : 1;
            sums[range] += fid;
            sums[2 + range] += agreement;
        }
        metrics.put(RolloutMetrics.FID_TRAINED.text(), sums[0] / trained);
        metrics.put(RolloutMetrics.FID_BEYOND.text(), sums[1] / (frames - trained));
        metrics.put(RolloutMetrics.CLASS_AGREEMENT_TRAINED.text(), sums[2] / trained);
        metrics.put(RolloutMetrics.CLASS_AGREEMENT_BEYOND.text(), sums[3] / (frames - trained));
        metrics.put(RolloutMetrics.FRAMES.text(), (double) frames);
        metrics.put(RolloutMetrics.WINDOW.text(), (double) window);
        metrics.put(RolloutMetrics.SAMPLES.text(), (double) generated.size());
        return result(metrics, network);
    }

    /** {@code context.sampleCount()} class-balanced rollouts; batch b uses seed {@code context.seed() + b}. */
    private static ImageBatch draw(EvaluationContext context, FrameRollout rollout, int frames, int window) {
        Geometry g = context.dataset().geometry();
        int count = context.sampleCount();
        int perClip = frames * g.channels() * g.height() * g.width();
        float[] pixels = new float[count * perClip];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % g.classes();
        }
        for (int from = 0, b = 0; from < count; from += context.batchSize(), b++) {
            int size = Math.min(context.batchSize(), count - from);
            int[] batchLabels = Arrays.copyOfRange(labels, from, from + size);
            SampleRequest request = context.sampling().withKvCache(true).request(batchLabels, context.seed() + b);
            ImageBatch batch = rollout.sampleFrames(request, frames, window);
            System.arraycopy(batch.pixels(), 0, pixels, from * perClip, size * perClip);
        }
        return new ImageBatch(new Geometry(g.channels(), g.height(), g.width(), frames, g.classes()), pixels, labels);
    }
}
