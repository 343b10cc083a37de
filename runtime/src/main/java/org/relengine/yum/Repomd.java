package org.relengine.yum;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A repository's {@code repodata/repomd.xml}: the metadata files it names, with their checksums. */
public record Repomd(List<MetadataFile> files) {

    /** @throws BadMetadata when the bytes are not a repomd.xml */
    public static Repomd parse(byte[] bytes) throws BadMetadata {
        List<MetadataFile> files = new ArrayList<>();
        try {
            XMLStreamReader xml = MetadataXml.reader(new ByteArrayInputStream(bytes));
            boolean root = true;
            String type = null;
            String href = null;
            String checksumType = null;
            String checksum = null;
            long size = -1;
            String text = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (root) {
                        if (!name.equals("repomd")) {
                            throw new BadMetadata("its root element is <" + name + ">, not <repomd>");
                        }
                        root = false;
                    }
                    switch (name) {
                        case "data" -> {
                            type = MetadataXml.attribute(xml, "type");
                            href = null;
                            checksum = null;
                            size = -1;
                        }
                        case "location" -> href = type == null ? href : MetadataXml.attribute(xml, "href");
                        case "checksum" -> checksumType = MetadataXml.attribute(xml, "type");
                        default -> {
                        }
                    }
                    text = null;
                } else if (event == XMLStreamConstants.CHARACTERS) {
                    text = text == null ? xml.getText() : text + xml.getText();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (type != null && name.equals("checksum")) {
                        checksum = text;
                    } else if (type != null && name.equals("size") && text != null) {
                        size = Long.parseLong(text.strip());
                    } else if (name.equals("data")) {
                        if (type == null || href == null || checksum == null || checksumType == null) {
                            throw new BadMetadata("a <data> element lacks its type, location or checksum");
                        }
                        files.add(new MetadataFile(type, href, new Checksum(checksumType, checksum), size));
                        type = null;
                    }
                    text = null;
                }
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new BadMetadata(e.getMessage());
        }
        return new Repomd(List.copyOf(files));
    }

    public Optional<MetadataFile> primary() {
        return files.stream().filter(f -> f.type().equals("primary")).findFirst();
    }
}
