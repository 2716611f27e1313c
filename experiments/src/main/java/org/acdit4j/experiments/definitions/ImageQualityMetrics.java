package org.acdit4j.experiments.definitions;

/**
 * The metrics the image ablations tabulate: FID without and with guidance, class agreement, precision and recall
 * at the guidance of the experiments' samples, and the training images seen (the bookkeeping metrics of the
 * evaluators, such as sample counts, stay in {@code summary.csv}).
 */
final class ImageQualityMetrics {

    /** Compared between ablation arms, paired by seed. */
    static final String[] COMPARED = {"fid/cfg1.0", "fid/cfg1.5", "class-agreement/cfg1.5",
            "precision-recall.precision/cfg1.5", "precision-recall.recall/cfg1.5"};

    /** Tabulated per configuration. */
    static final String[] TABULATED = {"fid/cfg1.0", "fid/cfg1.5", "class-agreement/cfg1.0", "class-agreement/cfg1.5",
            "precision-recall.precision/cfg1.5", "precision-recall.recall/cfg1.5", "train.imagesSeen", "train.flops"};

    private ImageQualityMetrics() {
    }
}
