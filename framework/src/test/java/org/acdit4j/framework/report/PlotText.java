package org.acdit4j.framework.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/** Reads the text chunks of a PNG the report wrote ({@link PlotFile}): keyword → text. */
final class PlotText {

    private PlotText() {
    }

    static Map<String, String> of(Path png) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            reader.setInput(in);
            Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            Map<String, String> texts = new LinkedHashMap<>();
            for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                if (chunk.getNodeName().equals("iTXt")) {
                    for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                        texts.put(entry.getAttributes().getNamedItem("keyword").getNodeValue(),
                                entry.getAttributes().getNamedItem("text").getNodeValue());
                    }
                }
            }
            return texts;
        } finally {
            reader.dispose();
        }
    }
}
