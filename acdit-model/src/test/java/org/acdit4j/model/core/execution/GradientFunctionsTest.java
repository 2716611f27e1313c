package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Building a gradient function prints none of SameDiff's per-op lines, and nothing else is swallowed. */
class GradientFunctionsTest {

    @Test
    void differentiationNoiseIsDroppedAndOtherOutputKept() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.ones(DataType.FLOAT, 2, 3));
        x.mul(x).sum().rename("loss").markAsLoss();
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            GradientFunctions.ensure(sd);
            System.out.println("after");
        } finally {
            System.setOut(console);
        }
        assertThat(sd.getFunction("grad")).isNotNull();
        assertThat(System.out).isSameAs(console);
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("Added differentiated op")
                .isEqualTo("after" + System.lineSeparator());
    }
}
