package org.acdit4j.framework.data.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.acdit4j.framework.data.DatasetException;

/**
 * The image files of a folder with one subfolder per class, found without decoding them: the classes are the
 * subfolders' names in sorted order (label k is the k-th), the images every PNG, JPEG or BMP file directly inside
 * a class folder, by extension and sorted by name. Hidden files and folders and files with other extensions are
 * ignored.
 */
public record ImageFolderListing(Path root, List<String> classes, List<List<Path>> files) {

    /** File extensions read as images, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");
    /** Labels are stored as bytes in the pixel cache. */
    public static final int MAX_CLASSES = 256;

    /** Lists {@code root}; throws {@link DatasetException} naming the folder when it cannot be used. */
    public static ImageFolderListing scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root + " is not a folder (expected one subfolder of images"
                    + " per class)");
        }
        List<Path> classFolders = sortedEntries(root).stream().filter(Files::isDirectory).toList();
        if (classFolders.isEmpty()) {
            throw new DatasetException(root + " has no class subfolders (expected one subfolder of"
                    + " PNG, JPEG or BMP images per class, e.g. " + root.resolve("cat") + ")");
        }
        if (classFolders.size() == 1) {
            throw new DatasetException(root + " has one class subfolder (" + classFolders.get(0).getFileName()
                    + "); allowed: 2 to " + MAX_CLASSES + " class subfolders (class-conditional training, guidance and "
                    + "class agreement need two classes or more)");
        }
        if (classFolders.size() > MAX_CLASSES) {
            throw new DatasetException(root + " has " + classFolders.size()
                    + " class subfolders; at most " + MAX_CLASSES + " are supported");
        }
        List<String> classes = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        for (Path folder : classFolders) {
            List<Path> images = sortedEntries(folder).stream()
                    .filter(file -> Files.isRegularFile(file) && isImageName(file)).toList();
            if (images.isEmpty()) {
                throw new DatasetException("class folder " + folder + " has no PNG, JPEG or BMP file"
                        + " (extensions " + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ")");
            }
            classes.add(folder.getFileName().toString());
            files.add(images);
        }
        return new ImageFolderListing(root, List.copyOf(classes), List.copyOf(files));
    }

    /** Number of image files over all classes. */
    public int imageCount() {
        return files.stream().mapToInt(List::size).sum();
    }

    /**
     * SHA-256 (hex) of every class name, file name and file's bytes in listing order: any added, removed, renamed or
     * edited image changes it, and a copy of the folder elsewhere keeps it.
     */
    public String contentFingerprint() {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (int k = 0; k < classes.size(); k++) {
            update(digest, "class " + classes.get(k));
            for (Path file : files.get(k)) {
                try (InputStream in = Files.newInputStream(file)) {
                    update(digest, "file " + file.getFileName() + " " + Files.size(file));
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        digest.update(buffer, 0, read);
                    }
                } catch (IOException e) {
                    throw new DatasetException("cannot read image " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The entries of {@code folder} that are not hidden, sorted by name. */
    private static List<Path> sortedEntries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
