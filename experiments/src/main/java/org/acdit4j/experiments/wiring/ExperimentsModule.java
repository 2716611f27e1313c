package org.acdit4j.experiments.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.util.List;
import org.acdit4j.experiments.definitions.BlockSizeTradeoff;
import org.acdit4j.experiments.definitions.ContextAblation;
import org.acdit4j.experiments.definitions.FashionMemorisation;
import org.acdit4j.experiments.definitions.InferenceScaling;
import org.acdit4j.experiments.definitions.LongHorizon;
import org.acdit4j.experiments.definitions.ModelScaling;
import org.acdit4j.experiments.definitions.ObjectiveAblation;
import org.acdit4j.experiments.definitions.RopeAblation;
import org.acdit4j.experiments.definitions.SolverSteps;
import org.acdit4j.experiments.definitions.TokenArSampling;
import org.acdit4j.experiments.definitions.Understanding;
import org.acdit4j.experiments.definitions.VideoFlowProbe;
import org.acdit4j.experiments.definitions.VideoRecipeProbe;
import org.acdit4j.experiments.definitions.VideoWidthProbe;
import org.acdit4j.experiments.definitions.VideoLearningProbe;
import org.acdit4j.experiments.definitions.VideoTradeoff;
import org.acdit4j.framework.dsl.ExperimentDefinition;

/**
 * Registers the experiments users can run by name, each under the name its definition gives itself. A new experiment
 * is one class plus one line here.
 */
public final class ExperimentsModule extends AbstractModule {

    private static final List<ExperimentDefinition> SHIPPED = List.of(
            BlockSizeTradeoff.DEFINITION,
            InferenceScaling.DEFINITION,
            ContextAblation.DEFINITION,
            RopeAblation.DEFINITION,
            Understanding.DEFINITION,
            VideoTradeoff.DEFINITION,
            LongHorizon.DEFINITION,
            ModelScaling.DEFINITION,
            VideoLearningProbe.DEFINITION,
            VideoFlowProbe.DEFINITION,
            VideoWidthProbe.DEFINITION,
            VideoRecipeProbe.DEFINITION,
            TokenArSampling.DEFINITION,
            ObjectiveAblation.DEFINITION,
            SolverSteps.DEFINITION,
            FashionMemorisation.DEFINITION);

    @Override
    protected void configure() {
        MapBinder<String, ExperimentDefinition> experiments =
                MapBinder.newMapBinder(binder(), String.class, ExperimentDefinition.class);
        for (ExperimentDefinition definition : SHIPPED) {
            experiments.addBinding(definition.name()).toInstance(definition);
        }
    }
}
