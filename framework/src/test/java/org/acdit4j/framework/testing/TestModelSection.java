package org.acdit4j.framework.testing;

import java.util.Optional;
import java.util.Set;
import org.acdit4j.framework.dsl.LabelPart;
import org.acdit4j.framework.dsl.ModelSection;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;

/**
 * The test plugin's {@code model} section: transformer-like keys, validated as a transformer plugin would; it names a
 * swept {@code model.rope} ({@code "no positions"}) and leaves its other keys to the framework's {@code key=value}.
 */
public final class TestModelSection extends ModelSection {

    int width = 64;
    int depth = 2;
    int heads = 2;
    int patch = 2;
    int blockSize = 4;
    TestRope rope = TestRope.MULTI_AXIS;

    public TestModelSection width(int width) {
        this.width = width;
        return this;
    }

    public TestModelSection depth(int depth) {
        this.depth = depth;
        return this;
    }

    public TestModelSection heads(int heads) {
        this.heads = heads;
        return this;
    }

    public TestModelSection patch(int patch) {
        this.patch = patch;
        return this;
    }

    public TestModelSection blockSize(int tokens) {
        this.blockSize = tokens;
        return this;
    }

    @Override
    protected void validate(Problems problems) {
        problems.require(width > 0, "model.width", "must be positive, got " + width);
        problems.require(depth > 0, "model.depth", "must be positive, got " + depth);
        problems.require(heads > 0 && width % heads == 0, "model.heads",
                "must divide model.width (" + width + "), got " + heads);
        problems.require(patch > 0, "model.patch", "must be positive, got " + patch);
        problems.require(blockSize > 0, "model.blockSize", "must be at least 1 token, got " + blockSize);
    }

    @Override
    protected void validateAgainst(DataSpec data, Problems problems) {
        if (patch > 0 && blockSize > 0) {
            int tokens = (data.size() / patch) * (data.size() / patch);
            problems.require(blockSize <= tokens, "model.blockSize",
                    "must be at most the " + tokens + " tokens, got " + blockSize);
        }
    }

    @Override
    protected Optional<LabelPart> describe(Set<String> sweptKeys, DataSpec data) {
        if (!sweptKeys.contains("model.rope")) {
            return Optional.empty();
        }
        return Optional.of(new LabelPart(rope == TestRope.NONE ? "no positions" : rope + " positions",
                Set.of("model.rope")));
    }

    @Override
    protected TestModelConfig freeze() {
        return new TestModelConfig(width, depth, heads, patch, blockSize, rope);
    }
}
