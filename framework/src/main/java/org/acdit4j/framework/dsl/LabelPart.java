package org.acdit4j.framework.dsl;

import java.util.Set;

/**
 * Part of a configuration's label: a reader's name for the values of some swept keys, e.g. {@code "AR length 4
 * (block 4)"} for {@code model.blockSize=4} on 16-token images, and the keys it stands for.
 */
public record LabelPart(String text, Set<String> keys) {

    public LabelPart {
        keys = Set.copyOf(keys);
    }
}
