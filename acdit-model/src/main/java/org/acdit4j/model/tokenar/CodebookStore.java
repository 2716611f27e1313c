package org.acdit4j.model.tokenar;

import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.acdit4j.framework.data.Dataset;
import org.acdit4j.framework.data.ImageBatch;
import org.acdit4j.framework.data.ImageSet;
import org.acdit4j.model.core.HostRandom;
import org.acdit4j.model.core.layout.BlockShape;
import org.acdit4j.model.core.layout.TokenLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Codebooks cached in the data directory ({@code codebooks/<data>-<size>px-p<patch>-k<codes>-seed<seed>.codebook}):
 * the first model of a setting fits one with k-means on all patches of a seeded sample of train-split images and
 * writes it; later ones (every run seed, {@code acdit sample}) read it back. The file's fingerprint names the data
 * (including a SHA-256 of the train split's pixels), patch, codes, seed and sample size, so a model and its samples
 * are tied to one codebook.
 */
public final class CodebookStore {

    private static final Logger LOG = LoggerFactory.getLogger(CodebookStore.class);
    static final int MAX_ITERATIONS = 30;
    private static final int IMAGES_PER_BATCH = 1000;

    private final Path dataDirectory;

    public CodebookStore(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /**
     * Where the codebook of {@code spec} on {@code dataset} lives: the name ends in the first 12 hex digits of the
     * fingerprint's SHA-256, so a change of any fitted-for value (a folder's images, the patch sample size) is a new
     * file rather than a clash with the old one.
     */
    public Path file(Dataset dataset, TokenArSpec spec) {
        return file(dataset, spec, fingerprint(dataset, spec));
    }

    private Path file(Dataset dataset, TokenArSpec spec, String fingerprint) {
        String digest = HexFormat.of().formatHex(CodebookFile.sha256(fingerprint.getBytes(StandardCharsets.UTF_8)));
        String name = String.format(Locale.ROOT, "%s-%dpx-p%d-k%d-seed%d-%s.codebook", dataset.name(),
                dataset.geometry().height(), spec.patch(), spec.codes(), spec.codebookSeed(), digest.substring(0, 12));
        return dataDirectory.resolve("codebooks").resolve(name);
    }

    /** The cached tokenizer of {@code spec} on {@code dataset}, fitted and written first when there is none. */
    public Tokenizer tokenizer(Dataset dataset, TokenArSpec spec) {
        String fingerprint = fingerprint(dataset, spec);
        Path file = file(dataset, spec, fingerprint);
        try {
            return new Tokenizer(dataset.geometry(), spec.patch(), CodebookFile.read(file, fingerprint));
        } catch (NoSuchFileException e) {
            long start = System.nanoTime();
            Tokenizer fitted = new Tokenizer(dataset.geometry(), spec.patch(), fit(dataset, spec));
            CodebookFile.write(file, fingerprint, fitted.codebook());
            ImageSet test = dataset.test();
            double mse = fitted.meanSquaredError(test.range(0, Math.min(test.size(), 2000)));
            LOG.info("fitted a {}-code codebook on {} in {} s; test reconstruction MSE {} (PSNR {} dB on [-1, 1]); "
                    + "wrote {}", spec.codes(), dataset.name(), String.format(Locale.ROOT, "%.1f",
                    (System.nanoTime() - start) / 1e9), String.format(Locale.ROOT, "%.4f", mse),
                    String.format(Locale.ROOT, "%.1f", 10 * Math.log10(4 / mse)), file);
            return fitted;
        }
    }

    /** k-means on every patch of a seeded sample of ⌈codebookPatches / L⌉ train images (all when fewer). */
    static Codebook fit(Dataset dataset, TokenArSpec spec) {
        ImageSet train = dataset.train();
        TokenLayout layout = TokenLayout.of(dataset.geometry(), spec.patch(), 1, BlockShape.SQUARE);
        int images = Math.min(train.size(), (spec.codebookPatches() + layout.tokens() - 1) / layout.tokens());
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        HostRandom random = new HostRandom(spec.codebookSeed());
        for (int i = 0; i < images; i++) {                                  // partial Fisher–Yates
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int perImage = layout.tokens() * layout.tokenSize();
        float[] points = new float[images * perImage];                      // (images·L, C·p·p)
        for (int from = 0; from < images; from += IMAGES_PER_BATCH) {
            int to = Math.min(images, from + IMAGES_PER_BATCH);
            ImageBatch batch = train.batch(Arrays.copyOfRange(order, from, to));
            System.arraycopy(layout.patchify(batch.pixels(), batch.size()), 0, points, from * perImage,
                    (to - from) * perImage);
        }
        return new KMeans(spec.codes(), MAX_ITERATIONS).fit(points, layout.tokenSize(), spec.codebookSeed());
    }

    /** What the codebook of {@code spec} on {@code dataset} depends on, as one line. */
    static String fingerprint(Dataset dataset, TokenArSpec spec) {
        ImageSet train = dataset.train();
        int values = dataset.geometry().valuesPerExample();
        byte[] pixels = new byte[train.size() * values];
        for (int i = 0; i < train.size(); i++) {
            for (int v = 0; v < values; v++) {
                pixels[i * values + v] = (byte) train.value(i, v);
            }
        }
        String data = spec.data() == null ? dataset.name() : spec.data().toString();
        return String.format(Locale.ROOT, "k-means v1 | %s | %s | train %d images sha256 %s | patch %d codes %d "
                        + "seed %d patches %d iterations %d", data, dataset.geometry(), train.size(),
                HexFormat.of().formatHex(CodebookFile.sha256(pixels)), spec.patch(), spec.codes(), spec.codebookSeed(),
                spec.codebookPatches(), MAX_ITERATIONS);
    }
}
