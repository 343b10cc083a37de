package org.relengine.yum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The packages a {@code primary.xml} names, read as a stream: one package's fields are held at a time, so that
 * a repository of tens of thousands of packages is read in a few megabytes.
 */
final class PrimaryPackages {

    private PrimaryPackages() {
    }

    /** Calls {@code each} for every {@code <package>} in the file, in order. */
    static int read(Path file, Consumer<RpmPackage> each) throws IOException, BadMetadata {
        int count = 0;
        try (InputStream in = Decompression.open(file)) {
            XMLStreamReader xml = MetadataXml.reader(in);
            int depth = 0;
            int packageDepth = -1;
            String href = null;
            String base = null;
            long size = -1;
            long time = 0;
            String checksumType = null;
            StringBuilder checksum = null;
            Checksum sum = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (name.equals("package") && packageDepth < 0) {
                        packageDepth = depth;
                        href = null;
                        base = null;
                        size = -1;
                        time = 0;
                        checksumType = null;
                        checksum = null;
                        sum = null;
                    } else if (packageDepth > 0 && depth == packageDepth + 1) {
                        switch (name) {
                            case "location" -> {
                                href = MetadataXml.attribute(xml, "href");
                                base = MetadataXml.attribute(xml, "base");
                            }
                            case "size" -> size = number(MetadataXml.attribute(xml, "package"));
                            case "time" -> time = number(MetadataXml.attribute(xml, "file"));
                            case "checksum" -> {
                                checksumType = MetadataXml.attribute(xml, "type");
                                checksum = new StringBuilder();
                            }
                            default -> {
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && checksum != null) {
                    checksum.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (packageDepth > 0 && depth == packageDepth + 1 && xml.getLocalName().equals("checksum")
                            && checksum != null) {
                        sum = new Checksum(checksumType == null ? "sha256" : checksumType, checksum.toString());
                        checksum = null;
                    } else if (depth == packageDepth) {
                        if (href == null || size < 0 || sum == null) {
                            throw new BadMetadata("package " + (count + 1) + " lacks its location, size or checksum");
                        }
                        each.accept(new RpmPackage(href, base, size, sum, time));
                        sum = null;
                        count++;
                        packageDepth = -1;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new BadMetadata(e.getMessage());
        }
        return count;
    }

    private static long number(String text) {
        return text == null ? -1 : Long.parseLong(text.strip());
    }
}
