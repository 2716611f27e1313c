package org.acdit4j.framework.dsl;

import java.util.List;
import org.acdit4j.framework.spec.ModelSpec;

/** {@code model}: the registered model and its architecture. */
public final class ModelSection extends Section {

    static final List<String> BLOCK_SHAPES = List.of("square", "rows");
    static final List<String> ROPE_MODES = List.of("multi-axis", "1d", "none");
    static final List<String> CONTEXT_MODES = List.of("clean", "noisy");

    String name = "acdit";
    int width = 128;
    int depth = 4;
    int heads = 4;
    int patch = 4;
    int blockSize = 4;
    String blockShape = "square";
    String rope = "multi-axis";
    String context = "clean";
    double labelDropout = 0.1;
    int mlpRatio = 4;

    public ModelSection name(String name) {
        this.name = name;
        return this;
    }

    public ModelSection width(int width) {
        this.width = width;
        return this;
    }

    public ModelSection depth(int depth) {
        this.depth = depth;
        return this;
    }

    public ModelSection heads(int heads) {
        this.heads = heads;
        return this;
    }

    public ModelSection patch(int patch) {
        this.patch = patch;
        return this;
    }

    public ModelSection blockSize(int tokens) {
        this.blockSize = tokens;
        return this;
    }

    public ModelSection blockShape(String shape) {
        this.blockShape = shape;
        return this;
    }

    public ModelSection rope(String mode) {
        this.rope = mode;
        return this;
    }

    public ModelSection context(String mode) {
        this.context = mode;
        return this;
    }

    public ModelSection labelDropout(double probability) {
        this.labelDropout = probability;
        return this;
    }

    public ModelSection mlpRatio(int ratio) {
        this.mlpRatio = ratio;
        return this;
    }

    @Override
    String key() {
        return "model";
    }

    @Override
    void validate(Problems problems) {
        problems.require(name != null && !name.isBlank(), "model.name", "must name a model");
        problems.require(width > 0, "model.width", "must be positive, got " + width);
        problems.require(depth > 0, "model.depth", "must be positive, got " + depth);
        problems.require(heads > 0, "model.heads", "must be positive, got " + heads);
        problems.require(heads <= 0 || width % heads == 0, "model.heads",
                "must divide model.width (" + width + "), got " + heads);
        problems.require(patch > 0, "model.patch", "must be positive, got " + patch);
        problems.require(blockSize > 0, "model.blockSize", "must be at least 1 token, got " + blockSize);
        problems.oneOf("model.blockShape", blockShape, BLOCK_SHAPES);
        problems.oneOf("model.rope", rope, ROPE_MODES);
        problems.oneOf("model.context", context, CONTEXT_MODES);
        problems.require(labelDropout >= 0 && labelDropout < 1, "model.labelDropout",
                "must be in [0, 1), got " + labelDropout);
        problems.require(mlpRatio >= 1, "model.mlpRatio", "must be at least 1, got " + mlpRatio);
    }

    /** Checks that depend on the data section: the patch must tile the image, the block the token grid. */
    void validateAgainst(DataSection data, Problems problems) {
        if (patch <= 0 || blockSize <= 0) {
            return;
        }
        problems.require(data.size % patch == 0, "model.patch",
                "must divide data.size (" + data.size + "), got " + patch);
        int frames = Math.max(1, data.frames);
        int tokens = frames * (data.size / patch) * (data.size / patch);
        String example = frames > 1 ? frames + "-frame " + data.size + "x" + data.size + " clip"
                : data.size + "x" + data.size + " image";
        problems.require(blockSize <= tokens, "model.blockSize",
                "must be at most the " + tokens + " tokens of a " + example + " at patch " + patch + ", got "
                        + blockSize);
    }

    ModelSpec freeze() {
        return new ModelSpec(name, width, depth, heads, patch, blockSize, blockShape, rope, context, labelDropout,
                mlpRatio);
    }
}
