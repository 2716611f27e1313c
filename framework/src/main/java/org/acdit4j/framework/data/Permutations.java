package org.acdit4j.framework.data;

import java.util.SplittableRandom;

/** Seeded permutations of indices. */
public final class Permutations {

    private Permutations() {
    }

    /** Resets {@code order} to 0..n-1 and shuffles it in place (Fisher–Yates) with {@code random}. */
    public static void shuffleIdentity(int[] order, SplittableRandom random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
