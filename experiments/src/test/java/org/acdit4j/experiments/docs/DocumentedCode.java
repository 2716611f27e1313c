package org.acdit4j.experiments.docs;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The {@code java} blocks of a markdown page, made into compilation units and compiled against the test classpath.
 * A block that starts with {@code package} is a whole file; one that starts with an annotation is a member of a Guice
 * module (a provider method); any other block is statements of a module's {@code configure()}, where the map binders
 * {@code experiments} and {@code models} are in scope. Fragments see every package the page's whole files declare,
 * and the framework's and Guice's packages.
 */
final class DocumentedCode {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile("public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
    private static final String FRAGMENT_PACKAGE = "documented.fragments";
    private static final List<String> FRAGMENT_IMPORTS = List.of("com.google.inject", "com.google.inject.multibindings",
            "org.acdit4j.framework.dsl", "org.acdit4j.framework.evaluation", "org.acdit4j.framework.model",
            "org.acdit4j.model");

    private final List<String> blocks;

    private DocumentedCode(List<String> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    static DocumentedCode of(Path markdown) throws IOException {
        return of(Files.readString(markdown));
    }

    static DocumentedCode of(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return new DocumentedCode(blocks);
    }

    List<String> blocks() {
        return blocks;
    }

    /** The compiler's errors, one line each ({@code file:line: message}); empty when every block compiles. */
    List<String> compileInto(Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:none", "-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"));
            boolean compiled = compiler.getTask(new StringWriter(), files, diagnostics, options, null, units()).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                    .map(diagnostic -> diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber() + ": "
                            + diagnostic.getMessage(Locale.ROOT))
                    .collect(Collectors.toCollection(ArrayList::new));
            if (!compiled && errors.isEmpty()) {
                errors.add("the compiler failed without an error diagnostic");
            }
            return errors;
        }
    }

    private List<JavaFileObject> units() {
        Set<String> pagePackages = new LinkedHashSet<>(FRAGMENT_IMPORTS);
        List<JavaFileObject> units = new ArrayList<>();
        for (String block : blocks) {
            Matcher packageLine = PACKAGE.matcher(block);
            if (packageLine.find()) {
                pagePackages.add(packageLine.group(1));
                units.add(source(packageLine.group(1), publicType(block), block));
            }
        }
        String imports = pagePackages.stream().map(name -> "import " + name + ".*;\n").collect(Collectors.joining());
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i).strip();
            if (block.startsWith("package ")) {
                continue;
            }
            String name = "Fragment" + (i + 1);
            String body = block.startsWith("@") ? block : """
                    @Override
                    protected void configure() {
                        MapBinder<String, ExperimentDefinition> experiments =
                                MapBinder.newMapBinder(binder(), String.class, ExperimentDefinition.class);
                        MapBinder<String, ModelFactory> models =
                                MapBinder.newMapBinder(binder(), String.class, ModelFactory.class);
                    %s
                    }
                    """.formatted(block);
            units.add(source(FRAGMENT_PACKAGE, name, "package " + FRAGMENT_PACKAGE + ";\n" + imports
                    + "final class " + name + " extends AbstractModule {\n" + body + "\n}\n"));
        }
        return units;
    }

    private static String publicType(String block) {
        Matcher type = PUBLIC_TYPE.matcher(block);
        if (!type.find()) {
            throw new IllegalArgumentException("a documented file declares no public type:\n" + block);
        }
        return type.group(1);
    }

    private static JavaFileObject source(String packageName, String typeName, String code) {
        String path = "/" + packageName.replace('.', '/') + "/" + typeName + JavaFileObject.Kind.SOURCE.extension;
        return new SimpleJavaFileObject(URI.create("string://" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }
}
