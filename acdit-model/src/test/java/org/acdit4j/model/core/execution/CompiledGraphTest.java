package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link CompiledGraph} computes what {@code SameDiff.output} computes, and refuses what it cannot run. */
class CompiledGraphTest {

    /**
     * x (n, 3) and a context c (n, m, 3) of varying length m: custom ops (matmul, concat, softmax, reshape),
     * legacy transform, scalar, pairwise, broadcast and reduce ops, and a pass-through.
     */
    private static SameDiff mixedGraph() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        SDVariable c = sd.placeHolder("c", DataType.FLOAT, -1, -1, 3);
        SDVariable w = sd.var("w", Nd4j.rand(DataType.FLOAT, 3, 3).subi(0.5));
        SDVariable b = sd.constant("b", Nd4j.createFromArray(0.1f, -0.2f, 0.3f));
        SDVariable h = sd.math.tanh(x.mmul(w).add(b)).mul(2.0);                        // (n, 3)
        SDVariable q = sd.reshape(h, -1, 1, 3);                                           // (n, 1, 3)
        SDVariable kv = sd.concat(1, c, q);                                               // (n, m + 1, 3)
        SDVariable scores = sd.nn.softmax(sd.mmul(q, kv, false, true, false), -1);        // (n, 1, m + 1)
        SDVariable attended = sd.reshape(sd.mmul(scores, kv), -1, 3);                     // (n, 3)
        SDVariable pooled = kv.sum(true, 1);                                              // (n, 1, 3)
        sd.identity("out", attended.add(h).sub(sd.reshape(pooled, -1, 3)).mul(x));
        sd.identity("pooled", pooled);
        return sd;
    }

    private static Map<String, INDArray> feed(long seed, int n, int m) {
        Nd4j.getRandom().setSeed(seed);
        INDArray context = m == 0 ? Nd4j.create(DataType.FLOAT, n, 0, 3) : Nd4j.rand(DataType.FLOAT, n, m, 3).subi(0.5);
        return Map.of("x", Nd4j.rand(DataType.FLOAT, n, 3).subi(0.5), "c", context);
    }

    @Test
    void equalsSameDiffWhileShapesChangeFromCallToCall() {
        SameDiff sd = mixedGraph();
        List<String> outputs = List.of("out", "pooled");
        CompiledGraph compiled = CompiledGraph.compile(sd, outputs);
        int[][] shapes = {{2, 0}, {2, 1}, {2, 1}, {4, 3}, {2, 3}, {2, 1}};
        for (int call = 0; call < shapes.length; call++) {
            Map<String, INDArray> in = feed(call, shapes[call][0], shapes[call][1]);
            Map<String, INDArray> expected = sd.output(in, outputs);
            Map<String, INDArray> actual = compiled.output(in);
            for (String name : outputs) {
                assertThat(actual.get(name).shape()).as(name + " call " + call).isEqualTo(expected.get(name).shape());
                assertThat(actual.get(name).equalsWithEps(expected.get(name), 1e-6)).as(name + " call " + call).isTrue();
            }
        }
    }

    @Test
    void returnedArraysAreNotOverwrittenByLaterCalls() {
        CompiledGraph compiled = CompiledGraph.compile(mixedGraph(), List.of("out", "pooled"));
        Map<String, INDArray> first = compiled.output(feed(1, 2, 2));
        INDArray outCopy = first.get("out").dup();
        INDArray pooledCopy = first.get("pooled").dup();
        compiled.output(feed(2, 2, 2));                                                // same shapes: arrays reused inside
        assertThat(first.get("out").equalsWithEps(outCopy, 0)).isTrue();
        assertThat(first.get("pooled").equalsWithEps(pooledCopy, 0)).isTrue();
    }

    @Test
    void afterReleasingItsArraysThePassStillComputesAndEarlierOutputsSurvive() {
        SameDiff sd = mixedGraph();
        CompiledGraph compiled = CompiledGraph.compile(sd, List.of("out"));
        INDArray first = compiled.output(feed(4, 2, 2)).get("out");
        INDArray firstCopy = first.dup();
        compiled.releaseArrays();
        Map<String, INDArray> in = feed(5, 3, 1);
        assertThat(compiled.output(in).get("out").equalsWithEps(sd.output(in, "out").get("out"), 1e-6)).isTrue();
        assertThat(first.equalsWithEps(firstCopy, 0)).isTrue();
    }

    @Test
    void aOneShotCallFreeingIntermediatesOnTheWayEqualsSameDiff() {
        SameDiff sd = mixedGraph();
        List<String> outputs = List.of("out", "pooled");
        CompiledGraph compiled = CompiledGraph.compile(sd, outputs);
        for (int call = 0; call < 3; call++) {
            Map<String, INDArray> in = feed(10 + call, 2 + call, call);
            Map<String, INDArray> expected = sd.output(in, outputs);
            Map<String, INDArray> actual = compiled.outputOnce(in);
            for (String name : outputs) {
                assertThat(actual.get(name).equalsWithEps(expected.get(name), 1e-6)).as(name + " call " + call).isTrue();
            }
        }
    }

    @Test
    void aOneShotCallOfAChainHoldsTwoIntermediateArraysAtOnce() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 1000);
        SDVariable chain = x;
        for (int link = 0; link < 4; link++) {                                        // four intermediates of 4,000 bytes
            chain = chain.mul(2);
        }
        chain.add("out", 1);
        CompiledGraph compiled = CompiledGraph.compile(sd, List.of("out"));
        compiled.outputOnce(Map.of("x", Nd4j.rand(DataType.FLOAT, 1000)));
        assertThat(compiled.lastIntermediateBytes()).isEqualTo(4 * 4000);
        assertThat(compiled.lastPeakLiveBytes()).isEqualTo(2 * 4000);               // a link and the one it reads
    }

    @Test
    void aReshapeKeepsNoArrayOfItsOwnAndSeesItsInputChangeFromCallToCall() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 10, 100);
        SDVariable doubled = x.mul(2);                                                   // (10, 100): 4,000 bytes
        sd.reshape(doubled, 1000).add("out", 1);                                         // a view, no copy
        CompiledGraph compiled = CompiledGraph.compile(sd, List.of("out"));
        for (int call = 0; call < 3; call++) {
            INDArray in = Nd4j.rand(DataType.FLOAT, 10, 100);
            INDArray out = compiled.output(Map.of("x", in)).get("out");
            assertThat(out.equalsWithEps(in.reshape(1000).mul(2).add(1), 1e-6)).as("call " + call).isTrue();
            assertThat(compiled.retainedBytes()).as("call " + call).isEqualTo(4000);
        }
    }

    @Test
    void aOneShotCallKeepsAnArrayWhileAReshapedViewOfItIsStillToBeRead() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 1000);
        SDVariable viewed = sd.reshape(x.mul(2), 10, 100);                               // read only through the view
        SDVariable later = x.mul(3).mul(4).reshape(10, 100);                             // allocates after the view
        viewed.add("out", later);
        CompiledGraph compiled = CompiledGraph.compile(sd, List.of("out"));
        Map<String, INDArray> in = Map.of("x", Nd4j.rand(DataType.FLOAT, 1000));
        INDArray out = compiled.outputOnce(in).get("out");
        assertThat(out.equalsWithEps(sd.output(in, "out").get("out"), 1e-6)).isTrue();
        assertThat(compiled.lastIntermediateBytes()).isEqualTo(3 * 4000);               // the views own nothing
        assertThat(compiled.lastPeakLiveBytes()).isEqualTo(3 * 4000);                   // x·2 lives until "out"
    }

    @Test
    void weightsReplacedBetweenCallsAreSeen() {
        SameDiff sd = mixedGraph();
        CompiledGraph compiled = CompiledGraph.compile(sd, List.of("out"));
        Map<String, INDArray> in = feed(3, 2, 1);
        compiled.output(in);
        sd.getVariable("w").getArr().assign(Nd4j.rand(DataType.FLOAT, 3, 3));
        assertThat(compiled.output(in).get("out").equalsWithEps(sd.output(in, "out").get("out"), 1e-6)).isTrue();
    }

    @Test
    void aMissingPlaceholderIsNamed() {
        CompiledGraph compiled = CompiledGraph.compile(mixedGraph(), List.of("out"));
        assertThatThrownBy(() -> compiled.output(Map.of("x", Nd4j.rand(DataType.FLOAT, 2, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no array given for placeholder 'c'; given: [x]");
    }

    @Test
    void anUnknownOutputIsNamed() {
        assertThatThrownBy(() -> CompiledGraph.compile(mixedGraph(), List.of("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the graph has no variable 'nope'");
    }

    @Test
    void controlFlowIsRefusedInOneLineNamingTheOp() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 2);
        SDVariable y = sd.ifCond("branch", null, s -> x.sum().gt(0), s -> x.mul(2), s -> x.mul(3));
        assertThatThrownBy(() -> CompiledGraph.compile(sd, List.of(y.name())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("CompiledGraph cannot run op '[^']+' \\((Merge|Switch)\\): control flow, tensor-array,"
                        + " assign, invoke, assert and view ops are not supported; run this graph with SameDiff.output")
                .hasMessageNotContaining("\n");
    }
}
