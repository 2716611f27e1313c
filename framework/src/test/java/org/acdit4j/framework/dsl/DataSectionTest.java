package org.acdit4j.framework.dsl;

import static org.acdit4j.framework.dsl.DslFixture.assertProblem;
import static org.acdit4j.framework.dsl.DslFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.acdit4j.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;

class DataSectionTest {

    @Test
    void defaultsAndOverrides() {
        assertThat(spec().data().name()).isEqualTo("synthetic-shapes");
        assertThat(spec("data.size=32", "data.source=/idx").data().size()).isEqualTo(32);
        assertThat(spec("data.source=/idx").data().source()).isEqualTo("/idx");
        assertThat(spec().data()).isEqualTo(new DataSpec("synthetic-shapes", 16, "", 1, 1, 0, 0));
        assertThat(spec("data.name=moving-mnist", "data.frames=8", "data.digits=2").data())
                .isEqualTo(DataSpec.clips("moving-mnist", 16, 8, 2));
    }

    @Test
    void everyValidationError() {
        assertProblem("data.name=", "data.name: must name a dataset");
        assertProblem("data.size=4", "data.size: must be between 8 and 256, got 4");
        assertProblem("data.size=big", "data.size: expected an integer, got 'big'");
        assertProblem("data.frames=0", "data.frames: must be >= 1, got 0");
        assertProblem("data.digits=3", "data.digits: must be 1 or 2, got 3");
        assertProblem("data.frames=8",
                "data.frames: must be 1 for the still-image dataset synthetic-shapes (clips: moving-mnist), got 8");
        assertProblem("data.digits=2", "data.digits: must be 1 for the still-image dataset synthetic-shapes"
                + " (only moving-mnist moves digits), got 2");
    }

    @Test
    void imageFolderNeedsASourceAndTakesZeroOneOrThreeChannels() {
        assertThat(spec("data.name=image-folder", "data.source=/photos", "data.channels=3").data())
                .isEqualTo(DataSpec.fromSource("image-folder", 16, "/photos", 3));
        assertProblems(new String[] {"data.name=image-folder"},
                "data.source: must name the folder of images (one subfolder per class) for image-folder");
        assertProblems(new String[] {"data.name=image-folder", "data.source=/photos", "data.channels=2"},
                "data.channels: must be 0 (as the files), 1 (grey) or 3 (RGB), got 2");
        assertProblems(new String[] {"data.name=image-folder", "data.source=/photos", "data.frames=4"},
                "data.frames: must be 1 for the still-image dataset image-folder (clips: moving-mnist), got 4");
        assertProblem("data.channels=3",
                "data.channels: must be 0 for synthetic-shapes (only image-folder converts channels), got 3");
    }

    @Test
    void movingMnistNeedsSeveralFramesAndFramesOfAtLeastSixteen() {
        assertProblems(new String[] {"data.name=moving-mnist"},
                "data.frames: must be >= 2 for moving-mnist (e.g. data.frames=8), got 1");
        assertProblems(new String[] {"data.name=moving-mnist", "data.frames=8", "data.size=8"},
                "data.size: must be between 16 and 256 for moving-mnist, got 8");
        assertProblems(new String[] {"data.name=moving-mnist", "data.frames=0", "data.digits=0"},
                "data.digits: must be 1 or 2, got 0", "data.frames: must be >= 1, got 0");
    }

    @Test
    void digitSizeIsForMovingMnistAndFitsTheFrame() {
        assertThat(spec("data.name=moving-mnist", "data.frames=8", "data.digitSize=12").data())
                .isEqualTo(DataSpec.clips("moving-mnist", 16, 8, 1, 12));
        assertProblems(new String[] {"data.name=moving-mnist", "data.frames=8", "data.digitSize=20"},
                "data.digitSize: must be 0 (7/16 of data.size) or between 7 and data.size (16), got 20");
        assertProblems(new String[] {"data.name=moving-mnist", "data.frames=8", "data.digitSize=5"},
                "data.digitSize: must be 0 (7/16 of data.size) or between 7 and data.size (16), got 5");
        assertProblem("data.digitSize=12", "data.digitSize: must be 0 for the still-image dataset synthetic-shapes"
                + " (only moving-mnist moves digits), got 12");
    }

    @Test
    void aDatasetRegisteredByAPluginIsLeftToItsFactory() {
        assertThat(spec("data.name=my-clips", "data.frames=16", "data.digits=2").data())
                .isEqualTo(DataSpec.clips("my-clips", 16, 16, 2));
    }

    private static void assertProblems(String[] overrides, String... problems) {
        assertThatThrownBy(() -> spec(overrides))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).containsExactly(problems));
    }
}
