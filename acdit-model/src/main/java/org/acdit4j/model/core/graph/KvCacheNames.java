package org.acdit4j.model.core.graph;

/**
 * The names under which a cached-attention graph takes each layer's context K/V and gives back the K/V of the
 * tokens it ran, the same in every model of this module so one sampler loop can feed any of them.
 */
public final class KvCacheNames {

    private KvCacheNames() {
    }

    /** Placeholder of layer {@code layer}'s cached keys. */
    public static String contextKey(int layer) {
        return "ctx_k" + layer;
    }

    /** Placeholder of layer {@code layer}'s cached values. */
    public static String contextValue(int layer) {
        return "ctx_v" + layer;
    }

    /** Output: layer {@code layer}'s keys of the tokens just run, to append to the cache. */
    public static String key(int layer) {
        return "k" + layer;
    }

    /** Output: layer {@code layer}'s values of the tokens just run, to append to the cache. */
    public static String value(int layer) {
        return "v" + layer;
    }
}
