package org.acdit4j.model.tokenar;

import java.util.Arrays;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.sample.KvCache;

/**
 * Code-by-code generation for many images at once. Every step draws one code per image from softmax(logits / T)
 * restricted to the top-k codes, where with guidance g the logits are u + g·(c - u) of the conditional (class
 * token) and unconditional (null token) sequences of the image, which run side by side as rows 0..n-1 and
 * n..2n-1 of each call. With the KV-cache each step is one call over one new input per sequence; without it the
 * whole prefix is recomputed every step (same codes from the same seed, more work).
 */
public final class TokenArSampler {

    private final TokenArConfig config;
    private final TokenArNetwork network;

    public TokenArSampler(TokenArConfig config, TokenArNetwork network) {
        this.config = config;
        this.network = network;
    }

    /** Codes (n, L) flat for {@code labels} (a label equal to the class count asks for an unconditional image). */
    public int[] sample(int[] labels, TokenSampling sampling, double guidance, long seed, boolean kvCache) {
        int n = labels.length;
        int l = config.length();
        int k = config.codes();
        boolean guided = guidance != 1.0;
        int rows = guided ? 2 * n : n;
        int[] firstInputs = new int[rows];
        for (int r = 0; r < rows; r++) {
            firstInputs[r] = config.classToken(r < n ? labels[r] : config.nullLabel());
        }
        HostRandom random = new HostRandom(seed);
        int[] codes = new int[n * l];
        KvCache cache = network.emptyCache(rows);
        int[] inputs = firstInputs;
        for (int s = 0; s < l; s++) {
            float[] logits;                                                            // (rows, K)
            if (kvCache) {
                TokenArNetwork.StepOutput out = network.step(inputs, s, cache);
                cache.append(out.keys(), out.values());
                logits = out.logits();
            } else {
                float[] all = network.forwardLogits(prefixes(firstInputs, codes, n, s), s + 1); // (rows·(s+1), K)
                logits = new float[rows * k];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(all, (r * (s + 1) + s) * k, logits, r * k, k);
                }
            }
            inputs = new int[rows];
            for (int i = 0; i < n; i++) {
                int code = draw(guidedLogits(logits, i, n, guided, guidance), sampling, random);
                codes[i * l + s] = code;
                inputs[i] = code;
                if (guided) {
                    inputs[n + i] = code;
                }
            }
        }
        return codes;
    }

    /** Image i's logits (K): conditional c, or u + g·(c − u) with its unconditional row u under guidance g. */
    private double[] guidedLogits(float[] logits, int i, int n, boolean guided, double guidance) {
        int k = config.codes();
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            double conditional = logits[i * k + c];
            double unconditional = guided ? logits[(n + i) * k + c] : conditional;
            out[c] = unconditional + guidance * (conditional - unconditional);
        }
        return out;
    }

    /** Input rows of the first s+1 steps of every sequence: its class token, then the codes drawn so far. */
    private int[] prefixes(int[] firstInputs, int[] codes, int n, int s) {
        int rows = firstInputs.length;
        int[] prefix = new int[rows * (s + 1)];
        for (int r = 0; r < rows; r++) {
            prefix[r * (s + 1)] = firstInputs[r];
            System.arraycopy(codes, (r % n) * config.length(), prefix, r * (s + 1) + 1, s);
        }
        return prefix;
    }

    /** One code from softmax(logits / T) over the top-k logits (all when k is 0 or at least K). */
    static int draw(double[] logits, TokenSampling sampling, HostRandom random) {
        int k = logits.length;
        double threshold = Double.NEGATIVE_INFINITY;
        if (sampling.topK() > 0 && sampling.topK() < k) {
            double[] sorted = logits.clone();
            Arrays.sort(sorted);
            threshold = sorted[k - sampling.topK()];
        }
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] weights = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            weights[c] = logits[c] >= threshold ? Math.exp((logits[c] - max) / sampling.temperature()) : 0;
            total += weights[c];
        }
        double target = random.nextDouble() * total;
        int last = 0;
        for (int c = 0; c < k; c++) {
            if (weights[c] > 0) {
                last = c;
                target -= weights[c];
                if (target < 0) {
                    return c;
                }
            }
        }
        return last;
    }
}
