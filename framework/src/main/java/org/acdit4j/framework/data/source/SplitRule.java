package org.acdit4j.framework.data.source;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Decides which images of a source form the test split. Deterministic: no clock, no global RNG. */
public interface SplitRule {

    /** {@code true} at the indices that belong to the test split. */
    boolean[] testMask(int[] labels);

    /** Documented in one line for reports and {@code acdit doctor}. */
    String describe();

    /** The last {@code perClass} images of every class, in source order (Fashion-MNIST: 1,000 × 10). */
    static SplitRule lastPerClass(int perClass) {
        return new SplitRule() {
            @Override
            public boolean[] testMask(int[] labels) {
                boolean[] test = new boolean[labels.length];
                int classes = classCount(labels);
                int[] remaining = new int[classes];
                java.util.Arrays.fill(remaining, perClass);
                for (int i = labels.length - 1; i >= 0; i--) {
                    if (remaining[labels[i]] > 0) {
                        remaining[labels[i]]--;
                        test[i] = true;
                    }
                }
                return test;
            }

            @Override
            public String describe() {
                return "test = the last " + perClass + " images of each class";
            }
        };
    }

    /**
     * A seeded, class-stratified share of every class (rounded per class, and at least one image of every class that
     * has two or more, so small classes are still tested).
     */
    static SplitRule stratified(double testShare, long seed) {
        return new SplitRule() {
            @Override
            public boolean[] testMask(int[] labels) {
                boolean[] test = new boolean[labels.length];
                int classes = classCount(labels);
                for (int k = 0; k < classes; k++) {
                    List<Integer> members = new ArrayList<>();
                    for (int i = 0; i < labels.length; i++) {
                        if (labels[i] == k) {
                            members.add(i);
                        }
                    }
                    SplittableRandom random = new SplittableRandom(seed * 31 + k);
                    for (int i = members.size() - 1; i > 0; i--) {
                        int j = random.nextInt(i + 1);
                        members.set(i, members.set(j, members.get(i)));
                    }
                    long take = Math.round(members.size() * testShare);
                    if (members.size() >= 2) {
                        take = Math.max(1, take);
                    }
                    for (int i = 0; i < take; i++) {
                        test[members.get(i)] = true;
                    }
                }
                return test;
            }

            @Override
            public String describe() {
                return "test = a seeded (seed " + seed + ") " + Math.round(testShare * 100)
                        + "% of each class (at least one of each class of two or more)";
            }
        };
    }

    /** One more than the largest label: the classes labels 0 to that one. */
    private static int classCount(int[] labels) {
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        return classes;
    }
}
