package org.relengine.formats

import java.nio.charset.StandardCharsets

/**
 * The head of an ISO 9660 image, as far as relengine reads one: 16 empty sectors, then from sector 16 a primary
 * volume descriptor with a volume id and application use, an El Torito boot record if asked, and the terminator.
 */
final class IsoHeaders {

    private IsoHeaders() {
    }

    static byte[] bytes(String volumeId, String applicationUse, boolean boot) {
        List<byte[]> descriptors = []
        byte[] primary = descriptor(1)
        put(primary, 40, volumeId.padRight(32))
        put(primary, 883, applicationUse)
        descriptors << primary
        if (boot) {
            byte[] record = descriptor(0)
            put(record, 7, 'EL TORITO SPECIFICATION')
            descriptors << record
        }
        descriptors << descriptor(255)
        def bytes = new ByteArrayOutputStream()
        bytes.write(new byte[16 * 2048])
        descriptors.each { bytes.write(it) }
        bytes.toByteArray()
    }

    private static byte[] descriptor(int type) {
        byte[] d = new byte[2048]
        d[0] = (byte) type
        put(d, 1, 'CD001')
        d[6] = 1
        d
    }

    private static void put(byte[] into, int offset, String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII)
        System.arraycopy(ascii, 0, into, offset, ascii.length)
    }
}
