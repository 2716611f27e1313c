package org.acdit4j.framework.spec;

/**
 * The differences of a paired-by-seed comparison ({@link PairedSpec}) against a per-run quantity: each compared
 * configuration's mean difference over seeds drawn at the mean of {@code quantity} (a metric every run logs, such as
 * {@code parameters} or {@code train.flops}) over the runs compared, one series per compared value of the key.
 */
public record PairedAgainstSpec(String quantity, PairedSpec paired) {
}
