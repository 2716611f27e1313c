package org.acdit4j.model.tokenar;

/**
 * K code vectors of {@code dimension} values each (a patch of C·p·p pixels): a patch is encoded as the index of
 * its nearest code (squared L2) and decoded as that code's vector. Immutable.
 */
public final class Codebook {

    private final int codes;
    private final int dimension;
    /** (K, d) row-major. */
    private final float[] vectors;

    public Codebook(int codes, int dimension, float[] vectors) {
        if (codes < 2 || dimension < 1 || vectors.length != codes * dimension) {
            throw new IllegalArgumentException("a codebook needs at least 2 codes of positive dimension and "
                    + codes + "×" + dimension + " values, got " + vectors.length);
        }
        this.codes = codes;
        this.dimension = dimension;
        this.vectors = vectors.clone();
    }

    public int codes() {
        return codes;
    }

    public int dimension() {
        return dimension;
    }

    /** A copy of the code vectors: (K, d) row-major. */
    public float[] vectors() {
        return vectors.clone();
    }

    /** Index of the code nearest to the {@code dimension} values of {@code patches} at {@code offset}. */
    public int nearest(float[] patches, int offset) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int k = 0; k < codes; k++) {
            double distance = 0;
            int base = k * dimension;
            for (int j = 0; j < dimension && distance < bestDistance; j++) {
                double delta = patches[offset + j] - vectors[base + j];
                distance += delta * delta;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        return best;
    }

    /** Codes of consecutive patches (m, d) flat → (m). */
    public int[] encode(float[] patches) {
        int[] out = new int[patches.length / dimension];
        for (int i = 0; i < out.length; i++) {
            out[i] = nearest(patches, i * dimension);
        }
        return out;
    }

    /** Vectors of {@code codes} (m) → (m, d) flat. */
    public float[] decode(int[] codeIndices) {
        float[] out = new float[codeIndices.length * dimension];
        for (int i = 0; i < codeIndices.length; i++) {
            int code = codeIndices[i];
            if (code < 0 || code >= codes) {
                throw new IllegalArgumentException("code " + code + " outside 0.." + (codes - 1));
            }
            System.arraycopy(vectors, code * dimension, out, i * dimension, dimension);
        }
        return out;
    }

    /** Squared distance from the patch at {@code offset} to its nearest code: what encode→decode loses there. */
    public double distortion(float[] patches, int offset) {
        int base = nearest(patches, offset) * dimension;
        double distance = 0;
        for (int j = 0; j < dimension; j++) {
            double delta = patches[offset + j] - vectors[base + j];
            distance += delta * delta;
        }
        return distance;
    }
}
