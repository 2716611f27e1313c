package org.acdit4j.experiments.definitions;

import java.util.stream.Stream;
import org.acdit4j.evaluators.agreement.ClassAgreementMetrics;
import org.acdit4j.evaluators.fid.FidMetrics;
import org.acdit4j.evaluators.memorisation.MemorisationMetrics;
import org.acdit4j.evaluators.precisionrecall.PrecisionRecallMetrics;
import org.acdit4j.framework.spec.MetricName;
import org.acdit4j.framework.spec.RunMetrics;

/**
 * The metrics the image experiments tabulate: FID without and with guidance, class agreement, precision and recall
 * at the guidance of the experiments' samples, memorisation at that guidance (the share of samples nearer a
 * training image than 95% of test images are, the ratio of median nearest-training distances, the exact pixel
 * copies), and the training images seen and FLOPs (the evaluators'
 * bookkeeping metrics, such as sample counts, stay in each run's {@code run.json} and MLflow run).
 */
final class ImageQualityMetrics {

    /** Compared between ablation arms, paired by seed. */
    static final MetricName[] COMPARED = {FidMetrics.at(1.0), FidMetrics.at(1.5), ClassAgreementMetrics.at(1.5),
            PrecisionRecallMetrics.precisionAt(1.5), PrecisionRecallMetrics.recallAt(1.5)};

    /** Tabulated per configuration. */
    static final MetricName[] TABULATED = {FidMetrics.at(1.0), FidMetrics.at(1.5), ClassAgreementMetrics.at(1.0),
            ClassAgreementMetrics.at(1.5),
            PrecisionRecallMetrics.precisionAt(1.5), PrecisionRecallMetrics.recallAt(1.5),
            MemorisationMetrics.nearerThanTestP5At(1.5), MemorisationMetrics.medianRatioAt(1.5),
            MemorisationMetrics.pixelCopiesAt(1.5), RunMetrics.IMAGES_SEEN, RunMetrics.TRAIN_FLOPS};

    private ImageQualityMetrics() {
    }

    /** {@link #TABULATED} followed by {@code more}. */
    static MetricName[] tabulatedWith(MetricName... more) {
        return Stream.concat(Stream.of(TABULATED), Stream.of(more)).toArray(MetricName[]::new);
    }
}
