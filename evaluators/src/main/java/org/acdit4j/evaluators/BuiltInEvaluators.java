package org.acdit4j.evaluators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.evaluators.agreement.ClassAgreementEvaluator;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.finetune.FineTuneEvaluator;
import org.acdit4j.evaluators.fid.FidEvaluator;
import org.acdit4j.evaluators.inception.InceptionScoreEvaluator;
import org.acdit4j.evaluators.precisionrecall.PrecisionRecallEvaluator;
import org.acdit4j.evaluators.probe.LinearProbeEvaluator;
import org.acdit4j.evaluators.speed.SamplingSpeedEvaluator;
import org.acdit4j.evaluators.video.ClipFrechetDistanceEvaluator;
import org.acdit4j.evaluators.video.FrameFidEvaluator;
import org.acdit4j.evaluators.video.RolloutEvaluator;
import org.acdit4j.framework.evaluation.Evaluator;

/** The evaluators of this module by registered name, sharing one source of feature networks. */
public final class BuiltInEvaluators {

    private BuiltInEvaluators() {
    }

    public static Map<String, Evaluator> create(FeatureNetworks networks) {
        Map<String, Evaluator> byName = new LinkedHashMap<>();
        for (Evaluator evaluator : List.of(new FidEvaluator(networks), new PrecisionRecallEvaluator(networks),
                new InceptionScoreEvaluator(networks), new ClassAgreementEvaluator(networks), new LinearProbeEvaluator(),
                new FineTuneEvaluator(), new SamplingSpeedEvaluator(), new FrameFidEvaluator(networks),
                new ClipFrechetDistanceEvaluator(networks), new RolloutEvaluator(networks))) {
            byName.put(evaluator.name(), evaluator);
        }
        return byName;
    }
}
