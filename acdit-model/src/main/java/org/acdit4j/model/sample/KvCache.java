package org.acdit4j.model.sample;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Per-layer keys and values of the clean tokens generated so far, (n, H, Lctx, hd) each, after QK-norm and
 * RoPE. Clean tokens ignore label and timestep, so one cache serves both halves of classifier-free guidance
 * ({@link #repeated}).
 */
public final class KvCache {

    private final List<INDArray> keys;
    private final List<INDArray> values;

    private KvCache(List<INDArray> keys, List<INDArray> values) {
        this.keys = keys;
        this.values = values;
    }

    /** A cache holding no tokens. */
    public static KvCache empty(int layers, int images, int heads, int headDim, DataType type) {
        List<INDArray> k = new ArrayList<>();
        List<INDArray> v = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            k.add(Nd4j.create(type, images, heads, 0, headDim));     // (n, H, 0, hd)
            v.add(Nd4j.create(type, images, heads, 0, headDim));     // (n, H, 0, hd)
        }
        return new KvCache(k, v);
    }

    /** A cache holding exactly the given per-layer K/V. */
    public static KvCache of(List<INDArray> keys, List<INDArray> values) {
        return new KvCache(new ArrayList<>(keys), new ArrayList<>(values));
    }

    /** Appends one block's per-layer K/V, each (n, H, B, hd), along the token axis. */
    public void append(List<INDArray> blockKeys, List<INDArray> blockValues) {
        for (int l = 0; l < keys.size(); l++) {
            keys.set(l, keys.get(l).size(2) == 0 ? blockKeys.get(l) : Nd4j.concat(2, keys.get(l), blockKeys.get(l)));
            values.set(l, values.get(l).size(2) == 0 ? blockValues.get(l) : Nd4j.concat(2, values.get(l), blockValues.get(l)));
        }
    }

    /** Drops all but the last {@code tokens} cached tokens of every layer (a sliding context window). */
    public void keepLast(int tokens) {
        long length = length();
        if (length <= tokens) {
            return;
        }
        for (int l = 0; l < keys.size(); l++) {
            keys.set(l, lastTokens(keys.get(l), length, tokens));
            values.set(l, lastTokens(values.get(l), length, tokens));
        }
    }

    private static INDArray lastTokens(INDArray a, long length, int tokens) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(length - tokens, length),
                NDArrayIndex.all()).dup();                                           // (n, H, tokens, hd)
    }

    /** The same cache stacked {@code times} along the image axis: (times·n, H, Lctx, hd). */
    public KvCache repeated(int times) {
        if (times == 1) {
            return this;
        }
        List<INDArray> k = new ArrayList<>();
        List<INDArray> v = new ArrayList<>();
        for (int l = 0; l < keys.size(); l++) {
            k.add(stack(keys.get(l), times));
            v.add(stack(values.get(l), times));
        }
        return new KvCache(k, v);
    }

    private static INDArray stack(INDArray a, int times) {
        if (a.size(2) == 0) {
            return Nd4j.create(a.dataType(), times * a.size(0), a.size(1), 0, a.size(3)); // (times·n, H, 0, hd)
        }
        INDArray[] copies = new INDArray[times];
        java.util.Arrays.fill(copies, a);
        return Nd4j.concat(0, copies);
    }

    public int layers() {
        return keys.size();
    }

    /** Cached tokens per image. */
    public long length() {
        return keys.get(0).size(2);
    }

    public INDArray key(int layer) {
        return keys.get(layer);
    }

    public INDArray value(int layer) {
        return values.get(layer);
    }
}
