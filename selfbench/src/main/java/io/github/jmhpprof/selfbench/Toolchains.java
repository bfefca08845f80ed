package io.github.jmhpprof.selfbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The JDKs of Maven's toolchains file, where the build also finds its JDK 17 and JDK 25 (./setup.sh
 * writes one from the JDKs under /usr/lib/jvm), so that the self-benchmark names no JDK path itself.
 */
final class Toolchains {

    private Toolchains() {}

    /** {@code ~/.m2/toolchains.xml}, where Maven looks by default. */
    static Path userFile() {
        return Path.of(System.getProperty("user.home"), ".m2", "toolchains.xml");
    }

    /** {@code bin/java} of the first JDK toolchain in {@code file} whose version is {@code feature} (25, or 25.0.1). */
    static Optional<Path> java(Path file, int feature) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        NodeList toolchains;
        try {
            DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on a fatal error instead of printing it
            toolchains = builder.parse(file.toFile()).getElementsByTagName("toolchain");
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "cannot read Maven's toolchains file " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < toolchains.getLength(); i++) {
            Element toolchain = (Element) toolchains.item(i);
            String version = text(toolchain, "version");
            if (text(toolchain, "type").equals("jdk")
                    && (version.equals(Integer.toString(feature)) || version.startsWith(feature + "."))) {
                Path java = Path.of(text(toolchain, "jdkHome"), "bin", "java");
                if (Files.isExecutable(java)) {
                    return Optional.of(java);
                }
            }
        }
        return Optional.empty();
    }

    /** The trimmed text of the first element named {@code name} below {@code parent}, or "". */
    private static String text(Element parent, String name) {
        Node node = parent.getElementsByTagName(name).item(0);
        return node == null ? "" : node.getTextContent().trim();
    }
}
