package org.acdit4j.experiments.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
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

/**
 * Registers the evaluators by name. A new evaluator is one class plus one binding line here; those that measure with
 * the dataset's feature network are given the catalogue of networks.
 */
public final class EvaluatorsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, Evaluator> evaluators = MapBinder.newMapBinder(binder(), String.class, Evaluator.class);
        Provider<FeatureNetworks> networks = getProvider(FeatureNetworks.class);
        evaluators.addBinding(FidEvaluator.NAME).toProvider(() -> new FidEvaluator(networks.get()));
        evaluators.addBinding(PrecisionRecallEvaluator.NAME)
                .toProvider(() -> new PrecisionRecallEvaluator(networks.get()));
        evaluators.addBinding(InceptionScoreEvaluator.NAME)
                .toProvider(() -> new InceptionScoreEvaluator(networks.get()));
        evaluators.addBinding(ClassAgreementEvaluator.NAME)
                .toProvider(() -> new ClassAgreementEvaluator(networks.get()));
        evaluators.addBinding(MemorisationEvaluator.NAME).toProvider(MemorisationEvaluator::new);
        evaluators.addBinding(LinearProbeEvaluator.NAME).toProvider(LinearProbeEvaluator::new);
        evaluators.addBinding(FineTuneEvaluator.NAME).toProvider(FineTuneEvaluator::new);
        evaluators.addBinding(SamplingSpeedEvaluator.NAME).toProvider(SamplingSpeedEvaluator::new);
        evaluators.addBinding(FrameFidEvaluator.NAME).toProvider(() -> new FrameFidEvaluator(networks.get()));
        evaluators.addBinding(ClipFrechetDistanceEvaluator.NAME)
                .toProvider(() -> new ClipFrechetDistanceEvaluator(networks.get()));
        evaluators.addBinding(RolloutEvaluator.NAME).toProvider(() -> new RolloutEvaluator(networks.get()));
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
