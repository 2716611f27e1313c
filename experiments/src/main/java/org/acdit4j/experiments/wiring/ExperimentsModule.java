package org.acdit4j.experiments.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.acdit4j.experiments.definitions.BlockSizeTradeoff;
import org.acdit4j.experiments.definitions.ContextAblation;
import org.acdit4j.experiments.definitions.FashionMemorisation;
import org.acdit4j.experiments.definitions.InferenceScaling;
import org.acdit4j.experiments.definitions.ModelScaling;
import org.acdit4j.experiments.definitions.ObjectiveAblation;
import org.acdit4j.experiments.definitions.RopeAblation;
import org.acdit4j.experiments.definitions.SolverSteps;
import org.acdit4j.experiments.definitions.TokenArSampling;
import org.acdit4j.experiments.definitions.Understanding;
import org.acdit4j.experiments.definitions.LongHorizon;
import org.acdit4j.experiments.definitions.VideoFlowProbe;
import org.acdit4j.experiments.definitions.VideoWidthProbe;
import org.acdit4j.experiments.definitions.VideoLearningProbe;
import org.acdit4j.experiments.definitions.VideoTradeoff;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/** Registers the experiments users can run by name. A new experiment is one class plus one line here. */
public final class ExperimentsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, ExperimentDefinition> experiments =
                MapBinder.newMapBinder(binder(), String.class, ExperimentDefinition.class);
        experiments.addBinding(BlockSizeTradeoff.NAME).toInstance(BlockSizeTradeoff.definition());
        experiments.addBinding(InferenceScaling.NAME).toInstance(InferenceScaling.definition());
        experiments.addBinding(ContextAblation.NAME).toInstance(ContextAblation.definition());
        experiments.addBinding(RopeAblation.NAME).toInstance(RopeAblation.definition());
        experiments.addBinding(Understanding.NAME).toInstance(Understanding.definition());
        experiments.addBinding(VideoTradeoff.NAME).toInstance(VideoTradeoff.definition());
        experiments.addBinding(LongHorizon.NAME).toInstance(LongHorizon.definition());
        experiments.addBinding(ModelScaling.NAME).toInstance(ModelScaling.definition());
        experiments.addBinding(VideoLearningProbe.NAME).toInstance(VideoLearningProbe.definition());
        experiments.addBinding(VideoFlowProbe.NAME).toInstance(VideoFlowProbe.definition());
        experiments.addBinding(VideoWidthProbe.NAME).toInstance(VideoWidthProbe.definition());
        experiments.addBinding(TokenArSampling.NAME).toInstance(TokenArSampling.definition());
        experiments.addBinding(ObjectiveAblation.NAME).toInstance(ObjectiveAblation.definition());
        experiments.addBinding(SolverSteps.NAME).toInstance(SolverSteps.definition());
        experiments.addBinding(FashionMemorisation.NAME).toInstance(FashionMemorisation.definition());
    }
}
