package org.acdit4j.framework.testing;

import java.util.Optional;
import java.util.Set;
import org.acdit4j.framework.dsl.LabelPart;
import org.acdit4j.framework.dsl.ModelSection;
import org.acdit4j.framework.dsl.Problems;
import org.acdit4j.framework.spec.DataSpec;

/**
 * {@link CodeModelType}'s {@code model} section: transformer keys and a codebook size, no block size; it names a swept
 * patch in its own words ({@code 256 codes per 2×2 patch}), where {@link TestModelSection} leaves it as a key.
 */
public final class CodeModelSection extends ModelSection {

    int width = 64;
    int depth = 2;
    int heads = 2;
    int patch = 2;
    int codes = 256;

    public CodeModelSection patch(int patch) {
        this.patch = patch;
        return this;
    }

    @Override
    protected void validate(Problems problems) {
        problems.require(width > 0 && width % heads == 0, "model.width", "must be a positive multiple of model.heads ("
                + heads + "), got " + width);
        problems.require(depth > 0, "model.depth", "must be positive, got " + depth);
        problems.require(patch > 0, "model.patch", "must be positive, got " + patch);
        problems.require(codes >= 2, "model.codes", "must be at least 2, got " + codes);
    }

    @Override
    protected Optional<LabelPart> describe(Set<String> sweptKeys, DataSpec data) {
        return sweptKeys.contains("model.patch")
                ? Optional.of(new LabelPart(codes + " codes per " + patch + "×" + patch + " patch", Set.of("model.patch")))
                : Optional.empty();
    }

    @Override
    protected CodeModelConfig freeze() {
        return new CodeModelConfig(width, depth, heads, patch, codes);
    }
}
