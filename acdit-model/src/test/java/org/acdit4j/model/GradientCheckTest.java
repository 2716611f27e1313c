package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.graph.RopeMode;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.diffusion.DiffusionObjective;
import org.acdit4j.model.graph.AcditNetwork;
import org.acdit4j.model.diffusion.LossWeighting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** SameDiff's gradients of each objective's training loss against central differences, in double precision. */
class GradientCheckTest {

    @ParameterizedTest
    @EnumSource(DiffusionObjective.class)
    void analyticGradientsMatchFiniteDifferences(DiffusionObjective objective) {
        AcditSpec spec = new AcditSpec(16, 2, 2, 2, 4, BlockShape.SQUARE, RopeMode.MULTI_AXIS, ContextMode.CLEAN, 0.1,
                2, objective, LossWeighting.UNIFORM);
        AcditModel model = TinyModels.model(spec, TinyModels.train(), TinyModels.GRID_8, 3, DataType.DOUBLE);
        model.randomizeWeights(5, 0.3);
        AcditNetwork net = model.network();
        AcditNetwork.TrainingInput in = model.trainingInput(TinyModels.randomBatch(TinyModels.GRID_8, 2, 9), false);
        Map<String, INDArray> grads = new HashMap<>();
        net.lossAndGradients(in).gradients().forEach((k, v) -> grads.put(k, v.dup()));

        HostRandom pick = new HostRandom(17);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        double h = 1e-6;
        for (Map.Entry<String, INDArray> e : net.weights().params().entrySet()) {
            INDArray p = e.getValue();
            INDArray flat = p.reshape(p.length());
            for (int r = 0; r < 2; r++) {
                long i = pick.nextInt((int) p.length());
                double old = flat.getDouble(i);
                flat.putScalar(i, old + h);
                double plus = net.loss(in);
                flat.putScalar(i, old - h);
                double minus = net.loss(in);
                flat.putScalar(i, old);
                double numeric = (plus - minus) / (2 * h);
                double analytic = grads.get(e.getKey()).reshape(p.length()).getDouble(i);
                double err = Math.abs(numeric - analytic) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic));
                if (err > 1e-4 && Math.abs(numeric - analytic) > 1e-8) {
                    failures.add(e.getKey() + "[" + i + "] numeric " + numeric + " analytic " + analytic);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(failures).isEmpty();
        double total = grads.values().stream().mapToDouble(g -> g.norm2Number().doubleValue()).sum();
        assertThat(total).isGreaterThan(1e-3);
    }
}
