package org.acdit4j.model.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.acdit4j.model.core.execution.LossAndGradients;

/** What {@code train.microBatches} promises: the mean of a batch's parts' gradients is the whole batch's. */
public final class MicroBatchGradients {

    private MicroBatchGradients() {
    }

    /**
     * The loss within 1e-5 of the whole batch's, the same parameters, and each parameter's gradient within 1e-4 of the
     * whole batch's (relative to its L2 norm).
     */
    public static void assertEqualUpToRounding(LossAndGradients parts, LossAndGradients whole) {
        assertThat(parts.loss()).isCloseTo(whole.loss(), offset(1e-5 * whole.loss()));
        assertThat(parts.gradients().keySet()).isEqualTo(whole.gradients().keySet());
        whole.gradients().forEach((name, gradient) -> {
            double scale = gradient.norm2Number().doubleValue() + 1e-6;
            double difference = gradient.sub(parts.gradients().get(name)).norm2Number().doubleValue();
            assertThat(difference / scale).as(name).isLessThan(1e-4);
        });
    }
}
