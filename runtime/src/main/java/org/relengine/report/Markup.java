package org.relengine.report;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A document written element by element through the JDK's XML writer, so that every text and attribute is
 * escaped and the result is well-formed whatever a task id or a log holds. Characters XML cannot carry (the
 * escape codes of coloured tool output) become U+FFFD.
 */
final class Markup {

    private final XMLStreamWriter xml;
    private int depth;

    Markup(Writer out) throws IOException {
        try {
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    /** Fails with an IOException, the way the file the document goes to does. */
    interface Body {
        void write() throws XMLStreamException, IOException;
    }

    void document(Body body) throws IOException {
        try {
            body.write();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    /** {@code <?xml version="1.0" encoding="UTF-8"?>}; the file is written in UTF-8. */
    Markup declaration() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        return this;
    }

    Markup doctype(String doctype) throws XMLStreamException {
        xml.writeDTD(doctype);
        return this;
    }

    /** A start tag with its attributes, given as name, value, name, value…; null values are left out. */
    Markup open(String name, String... attributes) throws XMLStreamException {
        xml.writeStartElement(name);
        attributes(attributes);
        depth++;
        return this;
    }

    Markup close() throws XMLStreamException {
        depth--;
        xml.writeEndElement();
        return this;
    }

    /** An element that holds text only; its end tag is always written, as HTML needs. */
    Markup element(String name, String text, String... attributes) throws XMLStreamException {
        xml.writeStartElement(name);
        attributes(attributes);
        text(text);
        xml.writeEndElement();
        return this;
    }

    /** An element without content: for HTML's void elements, SVG shapes and JUnit markers. */
    Markup empty(String name, String... attributes) throws XMLStreamException {
        xml.writeEmptyElement(name);
        attributes(attributes);
        return this;
    }

    Markup text(String text) throws XMLStreamException {
        xml.writeCharacters(clean(text == null ? "" : text));
        return this;
    }

    /** A line break and the indentation of the current depth, for people who read the file. */
    Markup indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        return this;
    }

    /** Indented one level less: before an end tag. */
    Markup outdent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(Math.max(0, depth - 1)));
        return this;
    }

    private void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                xml.writeAttribute(attributes[i], clean(attributes[i + 1]));
            }
        }
    }

    /**
     * The text with its secrets hidden (a report is passed around more than the logs it quotes) and every
     * character XML 1.0 does not allow replaced by U+FFFD.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        org.relengine.secrets.Redaction.text(text).codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }
}
