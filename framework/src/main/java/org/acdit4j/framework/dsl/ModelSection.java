package org.acdit4j.framework.dsl;

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

    /** The immutable configuration of the current values, already validated. */
    protected abstract ModelConfig freeze();
}
