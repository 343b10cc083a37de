package org.relengine.cli

import groovy.transform.CompileStatic
import groovy.transform.Immutable
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.GZIPInputStream
import javax.xml.stream.XMLInputFactory
import javax.xml.stream.XMLStreamConstants
import javax.xml.stream.XMLStreamReader

/**
 * What a yum repository's metadata says of its packages, read from a local copy of it: the files repomd.xml
 * names, and each package of the (gzip-compressed) primary metadata with its location, size and sha256.
 */
@CompileStatic
final class RepoMetadata {

    @Immutable
    static final class Package {
        String location
        long size
        String sha256
    }

    private RepoMetadata() {
    }

    /** The locations repomd.xml names, by type ({@code primary}, {@code filelists}, …). */
    static Map<String, String> locations(Path repo) {
        Map<String, String> locations = [:]
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(
                Files.newInputStream(repo.resolve('repodata/repomd.xml')))
        String type = null
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                if (xml.localName == 'data') {
                    type = xml.getAttributeValue(null, 'type')
                } else if (xml.localName == 'location' && type != null) {
                    locations[type] = xml.getAttributeValue(null, 'href')
                }
            }
        }
        xml.close()
        locations
    }

    static List<Package> packages(Path repo) {
        String primary = locations(repo).primary
        assert primary?.endsWith('.gz'): "primary metadata $primary is not gzip-compressed"
        List<Package> packages = []
        InputStream input = new GZIPInputStream(Files.newInputStream(repo.resolve(primary)), 65536)
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(input)
        String location = null
        long size = -1
        String sha256 = null
        while (xml.hasNext()) {
            int event = xml.next()
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.localName) {
                    case 'checksum':
                        assert xml.getAttributeValue(null, 'type') == 'sha256'
                        sha256 = xml.elementText.trim()
                        break
                    case 'size':
                        size = xml.getAttributeValue(null, 'package') as long
                        break
                    case 'location':
                        location = xml.getAttributeValue(null, 'href')
                        break
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.localName == 'package') {
                packages << new Package(location, size, sha256)
            }
        }
        xml.close()
        input.close()
        packages
    }
}
