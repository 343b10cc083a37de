package org.relengine.yum;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** A metadata file's content, decompressed as its name says: gz, xz, zst, bz2 or none. */
final class Decompression {

    private Decompression() {
    }

    static InputStream open(Path file) throws IOException {
        String name = file.getFileName().toString();
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            if (name.endsWith(".gz")) {
                return new GZIPInputStream(in, 1 << 16);
            } else if (name.endsWith(".xz")) {
                return new XZCompressorInputStream(in);
            } else if (name.endsWith(".zst")) {
                return new ZstdCompressorInputStream(in);
            } else if (name.endsWith(".bz2")) {
                return new BZip2CompressorInputStream(in);
            } else if (name.endsWith(".zck")) {
                throw new IOException(file.getFileName() + " is a zchunk file, which relengine does not read; "
                        + "its repomd.xml should also name a gz, xz or zst copy of the primary metadata");
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
