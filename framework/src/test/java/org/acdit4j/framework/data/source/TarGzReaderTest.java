package org.acdit4j.framework.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzReaderTest {

    @TempDir
    Path root;

    private static void add(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    @Test
    void handsOverEveryRegularFileWithItsFullPathEvenWhenTheHandlerClosesTheStream() throws IOException {
        String deep = "package/src/" + "nested/".repeat(16) + "0.json";
        Path archive = root.resolve("package.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.putArchiveEntry(new TarArchiveEntry("package/src/"));
            tar.closeArchiveEntry();
            add(tar, "package/package.json", "{\"name\":\"mnist\"}");
            add(tar, deep, "[1,2,3]".repeat(200));
            add(tar, "package/README.md", "");
        }

        Map<String, String> files = new LinkedHashMap<>();
        TarGzReader.forEachFile(archive, (path, content) -> {
            try (InputStream in = content) {
                files.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });

        assertThat(files).containsExactly(Map.entry("package/package.json", "{\"name\":\"mnist\"}"),
                Map.entry(deep, "[1,2,3]".repeat(200)), Map.entry("package/README.md", ""));
    }
}
