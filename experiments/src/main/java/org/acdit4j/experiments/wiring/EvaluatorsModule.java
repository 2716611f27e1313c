package org.acdit4j.experiments.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import java.util.Map;
import org.acdit4j.evaluators.agreement.ClassAgreementEvaluator;
import org.acdit4j.evaluators.features.FeatureNetworkCatalog;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.features.ShippedFeatureNetworks;
import org.acdit4j.evaluators.features.TrainedFeatureNetworks;
import org.acdit4j.evaluators.fid.FidEvaluator;
import org.acdit4j.evaluators.finetune.FineTuneEvaluator;
import org.acdit4j.evaluators.inception.InceptionScoreEvaluator;
import org.acdit4j.evaluators.memorisation.MemorisationEvaluator;
import org.acdit4j.evaluators.precisionrecall.PrecisionRecallEvaluator;
import org.acdit4j.evaluators.probe.LinearProbeEvaluator;
import org.acdit4j.evaluators.speed.SamplingSpeedEvaluator;
import org.acdit4j.evaluators.video.ClipFrechetDistanceEvaluator;
import org.acdit4j.evaluators.video.FrameFidEvaluator;
import org.acdit4j.evaluators.video.RolloutEvaluator;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.run.EvaluatorsStep;
import org.acdit4j.framework.run.RunEvaluation;

/** Registers the evaluators by name. A new evaluator is one class plus one {@code @ProvidesIntoMap} method here. */
public final class EvaluatorsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, Evaluator.class);
    }

    /** The shipped networks, then those the user trained into the data directory ({@code acdit features train}). */
    @Provides
    @Singleton
    FeatureNetworks featureNetworks(DataDirectory directory) {
        return new FeatureNetworkCatalog(new ShippedFeatureNetworks(), TrainedFeatureNetworks.in(directory));
    }

    @Provides
    RunEvaluation runEvaluation(Map<String, Evaluator> evaluators) {
        return new EvaluatorsStep(evaluators);
    }

    @ProvidesIntoMap
    @StringMapKey("fid")
    Evaluator fid(FeatureNetworks networks) {
        return new FidEvaluator(networks);
    }

    @ProvidesIntoMap
    @StringMapKey("precision-recall")
    Evaluator precisionRecall(FeatureNetworks networks) {
        return new PrecisionRecallEvaluator(networks);
    }

    @ProvidesIntoMap
    @StringMapKey("inception-score")
    Evaluator inceptionScore(FeatureNetworks networks) {
        return new InceptionScoreEvaluator(networks);
    }

    @ProvidesIntoMap
    @StringMapKey("class-agreement")
    Evaluator classAgreement(FeatureNetworks networks) {
        return new ClassAgreementEvaluator(networks);
    }

    @ProvidesIntoMap
    @StringMapKey(MemorisationEvaluator.NAME)
    Evaluator memorisation() {
        return new MemorisationEvaluator();
    }

    @ProvidesIntoMap
    @StringMapKey("linear-probe")
    Evaluator linearProbe() {
        return new LinearProbeEvaluator();
    }

    @ProvidesIntoMap
    @StringMapKey("fine-tune")
    Evaluator fineTune() {
        return new FineTuneEvaluator();
    }

    @ProvidesIntoMap
    @StringMapKey("sampling-speed")
    Evaluator samplingSpeed() {
        return new SamplingSpeedEvaluator();
    }

    @ProvidesIntoMap
    @StringMapKey(FrameFidEvaluator.NAME)
    Evaluator frameFid(FeatureNetworks networks) {
        return new FrameFidEvaluator(networks);
    }

    @ProvidesIntoMap
    @StringMapKey(ClipFrechetDistanceEvaluator.NAME)
    Evaluator clipFrechetDistance(FeatureNetworks networks) {
        return new ClipFrechetDistanceEvaluator(networks);
    }

    @ProvidesIntoMap
    @StringMapKey(RolloutEvaluator.NAME)
    Evaluator rollout(FeatureNetworks networks) {
        return new RolloutEvaluator(networks);
    }
}
