package org.acdit4j.framework.dsl;

import java.util.Optional;
import java.util.Set;
import org.acdit4j.framework.model.ModelConfig;
import org.acdit4j.framework.spec.DataSpec;

/**
 * {@code model}: a model plugin's architecture settings, one field per dotted key {@code model.<field>}
 * ({@code model.name} selects the plugin and is not a field). The plugin validates its own values and freezes
 * them into its {@link ModelConfig}.
 */
public abstract class ModelSection extends Section {

    @Override
    protected final String key() {
        return "model";
    }

    /** Checks that need the data section (the patch tiles the image, blocks tile the tokens); none by default. */
    protected void validateAgainst(DataSpec data, Problems problems) {
    }

    /**
     * Checks of the plugin's own sampler section against the model's values ({@code sampler} is the section its
     * {@link org.acdit4j.framework.model.ModelType} made), e.g. a solver that cannot sample what the model learns;
     * none by default.
     */
    protected void validateSampler(SamplerSection sampler, Problems problems) {
    }

    /**
     * A reader's name for this section's values of those {@code sweptKeys} the plugin knows (dotted keys, possibly
     * including {@code model.name}), e.g. ACDiT's {@code "AR length 4 (block 4)"} when the sweep varies
     * {@code model.blockSize}; it must tell apart any two configurations that differ in the keys it stands for. Used
     * for sweep cases without a name and for grids; empty (the default) leaves every key shown as {@code key=value}.
     */
    protected Optional<LabelPart> describe(Set<String> sweptKeys, DataSpec data) {
        return Optional.empty();
    }

    /** The immutable configuration of the current values, already validated. */
    protected abstract ModelConfig freeze();
}
