package org.acdit4j.framework.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV files runs and reports write ({@code summary.csv}, {@code loss.csv}, {@code evaluation-progress.csv}):
 * Commons CSV's default dialect with {@code \n} line ends, a value quoted only when it holds a comma, a quote or a
 * line break (or starts or ends with white space), a quote inside doubled.
 */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private Csv() {
    }

    /** {@code values} as one line of a file, its line end included; {@code null} is an empty value. */
    public static String line(Iterable<?> values) {
        StringBuilder line = new StringBuilder();
        try (CSVPrinter printer = FORMAT.print(line)) {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format " + values + " as CSV", e);
        }
        return line.toString();
    }

    /** {@code values} as one line of a file, its line end included; {@code null} is an empty value. */
    public static String line(Object... values) {
        return line(Arrays.asList(values));
    }

    /** The records of {@code file}, each the values of one line. */
    public static List<CSVRecord> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
