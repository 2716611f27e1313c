package org.acdit4j.experiments.definitions;

import java.util.stream.Stream;

/**
 * The metrics the image experiments tabulate: FID without and with guidance, class agreement, precision and recall
 * at the guidance of the experiments' samples, memorisation at that guidance (the share of samples nearer a
 * training image than 95% of test images are, the ratio of median nearest-training distances, the exact pixel
 * copies), and the training images seen and FLOPs (the evaluators'
 * bookkeeping metrics, such as sample counts, stay in each run's {@code run.json} and MLflow run).
 */
final class ImageQualityMetrics {

    /** Compared between ablation arms, paired by seed. */
    static final String[] COMPARED = {"fid/cfg1.0", "fid/cfg1.5", "class-agreement/cfg1.5",
            "precision-recall.precision/cfg1.5", "precision-recall.recall/cfg1.5"};

    /** Tabulated per configuration. */
    static final String[] TABULATED = {"fid/cfg1.0", "fid/cfg1.5", "class-agreement/cfg1.0", "class-agreement/cfg1.5",
            "precision-recall.precision/cfg1.5", "precision-recall.recall/cfg1.5",
            "memorisation.nearerThanTestP5/cfg1.5", "memorisation.medianRatio/cfg1.5",
            "memorisation.pixelCopies/cfg1.5", "train.imagesSeen", "train.flops"};

    private ImageQualityMetrics() {
    }

    /** {@link #TABULATED} followed by {@code more}. */
    static String[] tabulatedWith(String... more) {
        return Stream.concat(Stream.of(TABULATED), Stream.of(more)).toArray(String[]::new);
    }
}
