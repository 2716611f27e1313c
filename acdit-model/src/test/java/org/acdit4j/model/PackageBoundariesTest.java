package org.acdit4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's dependency rule, read from the import lines of its main sources: the transformer core
 * ({@code org.acdit4j.model.core}) imports neither model, and the two models (ACDiT: the other packages of
 * {@code org.acdit4j.model}; token-AR: {@code org.acdit4j.model.tokenar}) import the core but not each other.
 * {@code org.acdit4j.model.bench} measures both models and is the one package allowed to import both.
 */
class PackageBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String MODEL = "org.acdit4j.model";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.acdit4j\\.model\\.[\\w.]+);",
            Pattern.MULTILINE);

    @Test
    void theCoreImportsNeitherModel() {
        assertThat(importsOfPackage(MODEL + ".core", pkg -> true))
                .allMatch(imported -> imported.startsWith(MODEL + ".core."));
    }

    @Test
    void tokenArImportsTheCoreButNoAcditPackage() {
        assertThat(importsOfPackage(MODEL + ".tokenar", pkg -> true))
                .isNotEmpty()
                .allMatch(imported -> imported.startsWith(MODEL + ".core.") || imported.startsWith(MODEL + ".tokenar."));
    }

    @Test
    void acditImportsNoTokenAr() {
        assertThat(importsOfPackage(MODEL, PackageBoundariesTest::isAcditPackage))
                .isNotEmpty()
                .noneMatch(imported -> imported.startsWith(MODEL + ".tokenar."));
    }

    private static boolean isAcditPackage(String pkg) {
        return Stream.of(".core", ".tokenar", ".bench").noneMatch(other -> pkg.equals(MODEL + other)
                || pkg.startsWith(MODEL + other + "."));
    }

    /** Every {@code org.acdit4j.model} import of the main sources under {@code root} whose package passes. */
    private static List<String> importsOfPackage(String root, Predicate<String> packageFilter) {
        Path directory = SOURCES.resolve(root.replace('.', '/'));
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> packageFilter.test(packageOf(file)))
                    .flatMap(PackageBoundariesTest::modelImports)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
    }

    private static Stream<String> modelImports(Path file) {
        try {
            return IMPORT.matcher(Files.readString(file)).results().map(match -> match.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
