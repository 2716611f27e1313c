package org.acdit4j.framework.model;

/**
 * The frozen configuration of one model plugin: an immutable value (a record) made by the plugin's
 * {@link org.acdit4j.framework.dsl.ModelSection}. The framework never reads its fields; it passes it back to the
 * plugin's {@link ModelFactory}, and sees its settings only as dotted {@code model.*} keys.
 */
public interface ModelConfig {
}
