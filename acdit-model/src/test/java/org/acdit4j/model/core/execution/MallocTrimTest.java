package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acdit4j.framework.system.ProcessMemory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trim returns freed heap pages to the system: 256 MB of small ND4J arrays (each below malloc's mmap threshold,
 * so they come from the heap), freed while a later array keeps the heap's top in place, stay resident until the trim.
 * The module's tests run under glibc's malloc; a second surefire execution runs this class again with jemalloc
 * preloaded and page decay off, as {@code ACDIT_MALLOC=jemalloc} runs it (acdit-model/pom.xml, {@code jemalloc-trim}).
 */
class MallocTrimTest {

    private static final int ARRAYS = 4096;
    private static final int FLOATS = 16 * 1024;                          // 64 KB each: 256 MB in all

    @Test
    void theAllocatorIsTheOneTheEnvironmentPreloads() {
        String preloaded = System.getenv().getOrDefault("LD_PRELOAD", "");
        boolean jemallocPresent = Files.isRegularFile(Path.of(preloaded.isEmpty() ? "/nonexistent" : preloaded));
        assertThat(MallocTrim.allocator()).isEqualTo(preloaded.contains("jemalloc") && jemallocPresent
                ? MallocTrim.Allocator.JEMALLOC : MallocTrim.Allocator.GLIBC);
    }

    @Test
    void freedHeapPagesLeaveTheResidentSet() {
        List<INDArray> arrays = new ArrayList<>();
        for (int i = 0; i < ARRAYS; i++) {
            arrays.add(Nd4j.ones(DataType.FLOAT, FLOATS));              // ones: every page touched
        }
        INDArray top = Nd4j.ones(DataType.FLOAT, FLOATS);
        arrays.forEach(INDArray::close);
        long beforeTrim = ProcessMemory.residentBytes().orElseThrow();

        assertThat(MallocTrim.trim()).isTrue();

        long released = beforeTrim - ProcessMemory.residentBytes().orElseThrow();
        assertThat(released).isGreaterThan(128L << 20);
        assertThat(top.sumNumber().doubleValue()).isEqualTo(FLOATS);
    }
}
