package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link CompiledGraph#useThreads}: a graph's ops run on several threads ({@link OpSchedule}) give the bits they give
 * on one, call after call and while shapes change, and a failing op fails the call.
 */
class OpScheduleTest {

    private static final int BRANCHES = 6;

    /** x (n, 4) through six independent branches of three ops each, joined by a sum: (n, 4). */
    private static SameDiff branchingGraph() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 4);
        Nd4j.getRandom().setSeed(5);
        List<SDVariable> branches = new ArrayList<>();
        for (int b = 0; b < BRANCHES; b++) {
            SDVariable w = sd.var("w" + b, Nd4j.rand(DataType.FLOAT, 4, 4).subi(0.5));
            branches.add(sd.nn.softmax(sd.math.tanh(x.mmul(w)).mul(1.0 + b), -1));
        }
        SDVariable sum = branches.get(0);
        for (int b = 1; b < BRANCHES; b++) {
            sum = sum.add(branches.get(b));
        }
        sd.identity("out", sum.mul(x));
        return sd;
    }

    private static Map<String, INDArray> feed(long seed, int n) {
        Nd4j.getRandom().setSeed(seed);
        return Map.of("x", Nd4j.rand(DataType.FLOAT, n, 4).subi(0.5));
    }

    @Test
    void threeThreadsGiveTheBitsOfOneCallAfterCallWhileShapesChange() {
        SameDiff sd = branchingGraph();
        CompiledGraph oneThread = CompiledGraph.compile(sd, List.of("out"));
        CompiledGraph threeThreads = CompiledGraph.compile(sd, List.of("out"));
        threeThreads.useThreads(3);
        int[] rows = {5, 5, 5, 9, 9, 3, 5};
        for (int call = 0; call < rows.length; call++) {
            Map<String, INDArray> in = feed(call, rows[call]);
            float[] expected = oneThread.output(in).get("out").data().asFloat();
            assertThat(threeThreads.output(in).get("out").data().asFloat()).as("call " + call)
                    .containsExactly(expected);
        }
        assertThat(threeThreads.opCount()).isGreaterThan(3 * BRANCHES);
    }

    @Test
    void theScheduleRanksAnOpByTheLongestChainOfOpTimeAfterIt() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 3);
        SDVariable longChain = x.mul(2).mul(3).mul(4);                                  // ops 0, 1, 2
        SDVariable shortChain = x.add(1);                                               // op 3
        longChain.add("out", shortChain);                                                // op 4
        CompiledGraph compiled = CompiledGraph.compile(sd, List.of("out"));
        assertThat(compiled.opCount()).isEqualTo(5);
        OpSchedule schedule = compiled.scheduleFor(new long[] {10, 10, 10, 50, 1});
        assertThat(schedule.criticalPathNanos()).containsExactly(31, 21, 11, 51, 1);
    }

    @Test
    void anOpFailingOnAWorkerThreadFailsTheCallWithItsName() {
        SameDiff sd = SameDiff.create();
        SDVariable a = sd.placeHolder("a", DataType.FLOAT, -1, -1);
        SDVariable b = sd.placeHolder("b", DataType.FLOAT, -1, -1);
        SDVariable left = sd.math.tanh(a);
        SDVariable right = sd.nn.sigmoid(b);
        sd.identity("out", left.mmul(right).add(a.sum()));
        CompiledGraph compiled = CompiledGraph.compile(sd, List.of("out"));
        compiled.useThreads(2);
        for (int call = 0; call < 2; call++) {
            compiled.output(Map.of("a", Nd4j.ones(DataType.FLOAT, 2, 3), "b", Nd4j.ones(DataType.FLOAT, 3, 2)));
        }
        assertThatThrownBy(() -> compiled.output(Map.of("a", Nd4j.ones(DataType.FLOAT, 2, 3),
                "b", Nd4j.ones(DataType.FLOAT, 2, 2))))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("matmul");
        Map<String, INDArray> ok = compiled.output(Map.of("a", Nd4j.ones(DataType.FLOAT, 2, 3),
                "b", Nd4j.ones(DataType.FLOAT, 3, 2)));
        assertThat(ok.get("out").shape()).containsExactly(2, 2);
    }

    @Test
    void aGraphNeedsAtLeastOneThread() {
        CompiledGraph compiled = CompiledGraph.compile(branchingGraph(), List.of("out"));
        assertThatThrownBy(() -> compiled.useThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a graph runs on at least one thread, got 0");
    }
}
