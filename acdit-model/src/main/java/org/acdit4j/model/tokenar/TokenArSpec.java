package org.acdit4j.model.tokenar;

import org.acdit4j.framework.model.ModelConfig;
import org.acdit4j.framework.spec.DataSpec;
import org.acdit4j.model.core.graph.TransformerSize;

/**
 * The token-AR baseline's frozen settings ({@code model.*} keys) plus the data its codebook is fitted on.
 *
 * @param width           hidden size D
 * @param depth           number of transformer blocks
 * @param heads           attention heads (width must divide evenly, head dim by 4 for the 2-axis RoPE)
 * @param patch           patch side p: one code per p×p patch of every channel
 * @param codes           codebook size K
 * @param codebookSeed    seed of the k-means fit (shared by every run seed, so they share one codebook)
 * @param codebookPatches how many train-split patches (at most) the k-means fit sees
 * @param labelDropout    probability of replacing the class token by the null class while training
 * @param mlpRatio        MLP hidden size as a multiple of width
 * @param data            the experiment's data section, whose train split the codebook is fitted on (not a key:
 *                        captured from {@code data.*} when the experiment is built)
 */
public record TokenArSpec(int width, int depth, int heads, int patch, int codes, long codebookSeed,
                          int codebookPatches, double labelDropout, int mlpRatio, DataSpec data)
        implements ModelConfig, TransformerSize {
}
