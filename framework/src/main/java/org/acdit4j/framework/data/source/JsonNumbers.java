package org.acdit4j.framework.data.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads every number of a JSON document in document order, ignoring its structure: the dataset files
 * are {@code {"data": [...]}} with nothing numeric but the pixels, so this is all the parsing they need.
 */
final class JsonNumbers {

    private JsonNumbers() {
    }

    static double[] readAll(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        double[] numbers = new double[1 << 20];
        int count = 0;
        StringBuilder token = new StringBuilder(16);
        for (int c = in.read(); ; c = in.read()) {
            boolean starts = c >= 0 && (Character.isDigit(c) || c == '.' || c == '-');
            boolean continues = token.length() > 0 && (c == 'e' || c == 'E' || c == '+');
            if (starts || continues) {
                token.append((char) c);
            } else if (token.length() > 0) {
                if (count == numbers.length) {
                    numbers = Arrays.copyOf(numbers, numbers.length * 2);
                }
                numbers[count++] = parse(token);
                token.setLength(0);
            }
            if (c < 0) {
                return Arrays.copyOf(numbers, count);
            }
        }
    }

    private static double parse(CharSequence token) throws IOException {
        boolean integer = true;
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                integer = false;
                break;
            }
        }
        if (integer && token.length() < 10) {
            int value = 0;
            for (int i = 0; i < token.length(); i++) {
                value = value * 10 + (token.charAt(i) - '0');
            }
            return value;
        }
        try {
            return Double.parseDouble(token.toString());
        } catch (NumberFormatException e) {
            throw new IOException("not a JSON number: '" + token + "'");
        }
    }
}
