package org.acdit4j.model.core.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Per-layer keys and values of the tokens generated so far, after QK-norm and RoPE, as a model's sampling passes
 * produce them: (n, Lctx, D) each (heads side by side along D) or (n, H, Lctx, hd) (heads on their own axis). The
 * token axis is the second-to-last in both.
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
            k.add(Nd4j.create(type, images, 0, (long) heads * headDim)); // (n, 0, D)
            v.add(Nd4j.create(type, images, 0, (long) heads * headDim)); // (n, 0, D)
        }
        return new KvCache(k, v);
    }

    /** A cache holding exactly the given per-layer K/V. */
    public static KvCache of(List<INDArray> keys, List<INDArray> values) {
        return new KvCache(new ArrayList<>(keys), new ArrayList<>(values));
    }

    /** Appends one block's per-layer K/V, each (n, B, D), along the token axis. */
    public void append(List<INDArray> blockKeys, List<INDArray> blockValues) {
        for (int l = 0; l < keys.size(); l++) {
            keys.set(l, appended(keys.get(l), blockKeys.get(l)));
            values.set(l, appended(values.get(l), blockValues.get(l)));
        }
    }

    private static INDArray appended(INDArray cached, INDArray block) {
        int tokenAxis = block.rank() - 2;
        return length(cached) == 0 ? block : Nd4j.concat(tokenAxis, cached, block);
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
        INDArrayIndex[] index = new INDArrayIndex[a.rank()];
        Arrays.fill(index, NDArrayIndex.all());
        index[a.rank() - 2] = NDArrayIndex.interval(length - tokens, length);
        return a.get(index).dup();                                                   // (…, tokens, ·)
    }

    /** Each image's K/V {@code times} times in a row along the image axis: (times·n, …). */
    public KvCache repeatedPerImage(int times) {
        if (times == 1) {
            return this;
        }
        List<INDArray> k = new ArrayList<>();
        List<INDArray> v = new ArrayList<>();
        for (int l = 0; l < keys.size(); l++) {
            k.add(perImage(keys.get(l), times));
            v.add(perImage(values.get(l), times));
        }
        return new KvCache(k, v);
    }

    private static INDArray perImage(INDArray a, int times) {
        if (length(a) == 0) {
            long[] shape = a.shape().clone();
            shape[0] *= times;
            return Nd4j.create(a.dataType(), shape);
        }
        long n = a.size(0);
        INDArray rows = a.reshape('c', n, 1, a.length() / n);                     // (n, 1, rest)
        INDArray[] copies = new INDArray[times];
        Arrays.fill(copies, rows);
        long[] shape = a.shape().clone();
        shape[0] *= times;
        return Nd4j.concat(1, copies).reshape('c', shape);                       // (times·n, …); INDArray#repeat took 5× longer
    }

    /** Images the cache holds K/V for. */
    public long images() {
        return keys.get(0).size(0);
    }

    public int layers() {
        return keys.size();
    }

    /** Cached tokens per image. */
    public long length() {
        return length(keys.get(0));
    }

    private static long length(INDArray a) {
        return a.size(a.rank() - 2);
    }

    public INDArray key(int layer) {
        return keys.get(layer);
    }

    public INDArray value(int layer) {
        return values.get(layer);
    }
}
