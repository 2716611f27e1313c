package org.acdit4j.model.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelLanesTest {

    @Test
    void lanesRunAtOnceWithLaneZeroOnTheCallingThread() {
        CountDownLatch allStarted = new CountDownLatch(3);
        Thread[] threads = new Thread[3];

        new ParallelLanes(3).run(lane -> {
            threads[lane] = Thread.currentThread();
            allStarted.countDown();
            try {
                // every lane waits for the others: this returns only if the three run at the same time
                assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(threads[0]).isSameAs(Thread.currentThread());
        assertThat(Set.of(threads)).hasSize(3);
    }

    @Test
    void theFirstFailingLaneInLaneOrderIsRethrown() {
        Set<Integer> finished = ConcurrentHashMap.newKeySet();

        assertThatThrownBy(() -> new ParallelLanes(3).run(lane -> {
            if (lane > 0) {
                throw new IllegalArgumentException("lane " + lane);
            }
            finished.add(lane);
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("lane 1");
        assertThat(finished).containsExactly(0);
    }

    @Test
    void instancesShareTheirThreadsSoNewModelsDoNotStartNewOnes() {
        Set<Thread> used = ConcurrentHashMap.newKeySet();

        for (int model = 0; model < 100; model++) {
            new ParallelLanes(2).run(lane -> used.add(Thread.currentThread()));
        }

        // the caller plus the shared pool's idle threads, not a thread per instance (101 with a pool each)
        assertThat(used.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void oneLaneRunsOnTheCallingThread() {
        Thread[] ran = new Thread[1];

        new ParallelLanes(1).run(lane -> ran[lane] = Thread.currentThread());

        assertThat(ran[0]).isSameAs(Thread.currentThread());
        assertThatThrownBy(() -> new ParallelLanes(0)).hasMessageContaining("at least one lane");
    }
}
