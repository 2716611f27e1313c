package org.acdit4j.experiments.cli;

import static org.acdit4j.experiments.cli.InProcessCli.acdit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private static void assertUsageError(InProcessCli.Result result, String message) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("acdit: " + message + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void soakOptionsOutsideTheirRangesAreOneLineUsageErrors() {
        assertUsageError(acdit("bench", "--soak", "1", "--blocks", "4"), "--soak must be at least 2 steps, got 1");
        assertUsageError(acdit("bench", "--soak", "300", "--blocks", "4", "--soak-every", "0"),
                "--soak-every must be between 1 and 300 (the soak's steps), got 0");
        assertUsageError(acdit("bench", "--soak", "300", "--blocks", "4", "--slope-from", "300"),
                "--slope-from must be between 1 and 299 (two steps or more enter the slope), got 300");
        assertUsageError(acdit("bench", "--soak-every", "100"), "--soak-every needs --soak N");
    }

    @Test
    void aSoakTrainsOneBlockSize() {
        assertUsageError(acdit("bench", "--soak", "300"),
                "--soak trains one block size, give one with --blocks, got [1, 4, 16, 64]");
    }

    @Test
    void theModelIsAcditOrTokenArAndTokenArIsTokenWise() {
        assertUsageError(acdit("bench", "--model", "dit"), "--model must be acdit or token-ar, got dit");
        assertUsageError(acdit("bench", "--model", "token-ar", "--blocks", "4"),
                "--blocks: the token-ar model is token-wise autoregressive, so its only block size is 1, got 4");
    }

    @Test
    void aShortJsonSoakPrintsOneObjectPerReportAndASummary() {
        InProcessCli.Result result = acdit("bench", "--soak", "4", "--soak-every", "2", "--slope-from", "2",
                "--json", "--image-size", "8", "--patch", "2", "--width", "16", "--depth", "1", "--heads", "1",
                "--batch", "2", "--blocks", "4");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"step\":2,\"rssBytes\":").contains("\"peakRssBytes\":")
                .contains("\"heapUsedBytes\":").contains("\"secondsPerStep\":");
        assertThat(lines.get(1)).startsWith("{\"step\":4,");
        assertThat(lines.get(2)).startsWith("{\"summary\":true,\"model\":\"acdit\",\"imageSize\":8,")
                .contains("\"block\":4,\"arLength\":4,").contains("\"steps\":4,\"slopeFromStep\":2,\"slopeSamples\":3,")
                .contains("\"rssSlopeMbPer1000Steps\":").contains("\"peakRssBytes\":");
    }

    @Test
    void aShortTokenArSoakRuns() {
        InProcessCli.Result result = acdit("bench", "--model", "token-ar", "--soak", "2", "--image-size", "8",
                "--patch", "4", "--width", "16", "--depth", "1", "--heads", "1", "--batch", "2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Soak: token-ar, 8x8 images, patch 4 (4 tokens)")
                .contains("block 1 (AR length 4)").contains("RSS slope over steps 1-2:");
    }
}
