package org.acdit4j.experiments.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import org.acdit4j.evaluators.agreement.ClassAgreementEvaluator;
import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.features.FeatureNetworkCatalog;
import org.acdit4j.evaluators.features.FeatureNetworks;
import org.acdit4j.evaluators.features.ShippedFeatureNetworks;
import org.acdit4j.evaluators.features.TrainedFeatureNetworks;
import org.acdit4j.evaluators.fid.FidEvaluator;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.evaluators.finetune.FineTuneEvaluator;
import org.acdit4j.evaluators.finetune.FineTuneMetrics;
import org.acdit4j.evaluators.inception.InceptionScoreEvaluator;
import org.acdit4j.evaluators.inception.InceptionScoreMetrics;
import org.acdit4j.evaluators.memorisation.MemorisationEvaluator;
import org.acdit4j.evaluators.memorisation.MemorisationMetrics;
import org.acdit4j.evaluators.precisionrecall.PrecisionRecallEvaluator;
import org.acdit4j.evaluators.precisionrecall.PrecisionRecallMetrics;
import org.acdit4j.evaluators.probe.LinearProbeEvaluator;
import org.acdit4j.evaluators.probe.LinearProbeMetrics;
import org.acdit4j.evaluators.speed.SamplingSpeedEvaluator;
import org.acdit4j.evaluators.speed.SamplingSpeedMetrics;
import org.acdit4j.evaluators.video.ClipFrechetDistanceEvaluator;
import org.acdit4j.evaluators.video.ClipFrechetDistanceMetrics;
import org.acdit4j.evaluators.video.FrameFidEvaluator;
import org.acdit4j.evaluators.video.FrameFidMetrics;
import org.acdit4j.evaluators.video.RolloutEvaluator;
import org.acdit4j.evaluators.video.RolloutMetrics;
import org.acdit4j.framework.data.DataDirectory;
import org.acdit4j.framework.evaluation.Evaluator;
import org.acdit4j.framework.run.EvaluatorsStep;
import org.acdit4j.framework.run.RunEvaluation;

/**
 * Registers the evaluators by name. A new evaluator is one class plus one binding line here; those that measure with
 * the dataset's feature network are given the catalogue of networks.
 */
public final class EvaluatorsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, Evaluator> evaluators = MapBinder.newMapBinder(binder(), String.class, Evaluator.class);
        Provider<FeatureNetworks> networks = getProvider(FeatureNetworks.class);
        evaluators.addBinding(FidMetrics.EVALUATOR).toProvider(() -> new FidEvaluator(networks.get()));
        evaluators.addBinding(PrecisionRecallMetrics.EVALUATOR)
                .toProvider(() -> new PrecisionRecallEvaluator(networks.get()));
        evaluators.addBinding(InceptionScoreMetrics.EVALUATOR)
                .toProvider(() -> new InceptionScoreEvaluator(networks.get()));
        evaluators.addBinding(ClassAgreementMetrics.EVALUATOR)
                .toProvider(() -> new ClassAgreementEvaluator(networks.get()));
        evaluators.addBinding(MemorisationMetrics.EVALUATOR).toProvider(MemorisationEvaluator::new);
        evaluators.addBinding(LinearProbeMetrics.EVALUATOR).toProvider(LinearProbeEvaluator::new);
        evaluators.addBinding(FineTuneMetrics.EVALUATOR).toProvider(FineTuneEvaluator::new);
        evaluators.addBinding(SamplingSpeedMetrics.EVALUATOR).toProvider(SamplingSpeedEvaluator::new);
        evaluators.addBinding(FrameFidMetrics.EVALUATOR).toProvider(() -> new FrameFidEvaluator(networks.get()));
        evaluators.addBinding(ClipFrechetDistanceMetrics.EVALUATOR)
                .toProvider(() -> new ClipFrechetDistanceEvaluator(networks.get()));
        evaluators.addBinding(RolloutMetrics.EVALUATOR).toProvider(() -> new RolloutEvaluator(networks.get()));
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
}
