package org.acdit4j.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.acdit4j.framework.dsl.LabelPart;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.model.core.layout.BlockShape;

/**
 * What a reader calls an ACDiT configuration of a sweep, from the swept keys it knows: the block layout as the
 * paper's AR length (blocks per sequence = tokens / block size), {@code DiT (AR length 1)} for a single block,
 * {@code AR length 4 (block 4)} otherwise, the block in frames for clips ({@code AR length 8 (1 frame per block)}),
 * the patch when it is swept too ({@code AR length 4 (patch 8, block 1)}; alone: {@code patch 4 (16 tokens)}), and
 * the RoPE, context and block-shape ablations ({@code 1-D RoPE}, {@code noisy context}, {@code row blocks}), the
 * model size first when it is swept ({@code width 32 (2 heads)}, {@code depth 6}), and the objective after it
 * ({@code epsilon-prediction}, {@code v-prediction}, {@code flow matching}).
 */
final class AcditLabel {

    static final String NAME = "model.name";
    static final String WIDTH = "model.width";
    static final String HEADS = "model.heads";
    static final String DEPTH = "model.depth";
    static final String PATCH = "model.patch";
    static final String BLOCK_SIZE = "model.blockSize";
    static final String ROPE = "model.rope";
    static final String CONTEXT = "model.context";
    static final String BLOCK_SHAPE = "model.blockShape";
    static final String OBJECTIVE = "model.objective";

    private AcditLabel() {
    }

    /** The label of {@code model} on {@code data} for those {@code sweptKeys} it knows, or empty for none of them. */
    static Optional<LabelPart> of(AcditSpec model, DataSpec data, Set<String> sweptKeys) {
        List<String> parts = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        if (sweptKeys.contains(NAME)) {
            parts.add("ACDiT");
            covered.add(NAME);
        }
        List<String> size = new ArrayList<>();
        if (sweptKeys.contains(WIDTH)) {
            size.add("width " + model.width());
        }
        if (sweptKeys.contains(HEADS)) {
            size.add(model.heads() + " heads");
        }
        if (sweptKeys.contains(DEPTH)) {
            size.add("depth " + model.depth());
        }
        if (!size.isEmpty()) {
            parts.add(size.get(0) + (size.size() == 1 ? "" : " (" + String.join(", ", size.subList(1, size.size())) + ")"));
            covered.addAll(sweptKeys.stream().filter(List.of(WIDTH, HEADS, DEPTH)::contains).toList());
        }
        if (sweptKeys.contains(OBJECTIVE)) {
            parts.add(switch (model.objective()) {
                case EPSILON -> "epsilon-prediction";
                case V -> "v-prediction";
                case FLOW -> "flow matching";
            });
            covered.add(OBJECTIVE);
        }
        boolean patch = sweptKeys.contains(PATCH);
        if (sweptKeys.contains(BLOCK_SIZE)) {
            parts.add(arLength(model, data, patch));
            covered.add(BLOCK_SIZE);
        } else if (patch) {
            parts.add("patch " + model.patch() + " (" + tokensPerFrame(model, data) + " tokens)");
        }
        if (patch) {
            covered.add(PATCH);
        }
        if (sweptKeys.contains(BLOCK_SHAPE)) {
            parts.add(model.blockShape() == BlockShape.ROWS ? "row blocks" : model.blockShape() + " blocks");
            covered.add(BLOCK_SHAPE);
        }
        if (sweptKeys.contains(ROPE)) {
            parts.add(switch (model.rope()) {
                case MULTI_AXIS -> model.rope() + " RoPE";
                case ONE_D -> "1-D RoPE";
                case NONE -> "no RoPE";
            });
            covered.add(ROPE);
        }
        if (sweptKeys.contains(CONTEXT)) {
            parts.add(model.context() + " context");
            covered.add(CONTEXT);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(new LabelPart(String.join(", ", parts), covered));
    }

    /** {@code DiT (AR length 1)}, {@code AR length 4 (block 4)}, {@code AR length 4 (patch 8, block 1)}. */
    private static String arLength(AcditSpec model, DataSpec data, boolean withPatch) {
        int perFrame = tokensPerFrame(model, data);
        int frames = Math.max(1, data.frames());
        int tokens = ArLength.tokens(model, data);
        String patch = withPatch ? "patch " + model.patch() : "";
        if (model.blockSize() <= 0 || tokens % model.blockSize() != 0) {
            return "block " + model.blockSize() + " of " + tokens + " tokens" + (withPatch ? " (" + patch + ")" : "");
        }
        int arLength = tokens / model.blockSize();
        if (arLength == 1) {
            return "DiT (AR length 1" + (withPatch ? ", " + patch : "") + ")";
        }
        String block = frames > 1 && model.blockSize() % perFrame == 0
                ? model.blockSize() / perFrame + (model.blockSize() == perFrame ? " frame" : " frames") + " per block"
                : "block " + model.blockSize();
        return "AR length " + arLength + " (" + (withPatch ? patch + ", " : "") + block + ")";
    }

    static int tokensPerFrame(AcditSpec model, DataSpec data) {
        int side = model.patch() > 0 ? data.size() / model.patch() : 0;
        return side * side;
    }
}
