package org.acdit4j.model.core.graph;

import org.acdit4j.framework.dsl.ModelSection;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;

/**
 * The {@code model} keys every transformer over image patches has, first in its section: {@code width},
 * {@code depth} and {@code heads} ({@link TransformerSize}) and {@code patch}, with their setters and checks. The
 * defaults are the performance benchmark's reference sizes (docs/PERFORMANCE.md); a plugin's section adds its own keys.
 *
 * @param <S> the plugin's section, which the setters return
 */
public abstract class TransformerSection<S extends TransformerSection<S>> extends ModelSection {

    protected int width = 128;
    protected int depth = 4;
    protected int heads = 4;
    protected int patch = 4;

    public S width(int width) {
        this.width = width;
        return self();
    }

    public S depth(int depth) {
        this.depth = depth;
        return self();
    }

    public S heads(int heads) {
        this.heads = heads;
        return self();
    }

    /** Side in pixels of the square patch each token stands for. */
    public S patch(int patch) {
        this.patch = patch;
        return self();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    @Override
    protected void validate(Problems problems) {
        TransformerSize.validate(width, depth, heads, problems);
        problems.require(patch > 0, "model.patch", "must be positive, got " + patch);
    }

    /** The patch must tile the image. */
    @Override
    protected void validateAgainst(DataSpec data, Problems problems) {
        problems.require(patch <= 0 || data.size() % patch == 0, "model.patch",
                "must divide data.size (" + data.size() + "), got " + patch);
    }
}
