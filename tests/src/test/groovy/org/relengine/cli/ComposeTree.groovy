package org.relengine.cli

import groovy.transform.CompileStatic
import java.nio.charset.CharacterCodingException
import java.nio.charset.CodingErrorAction
import java.nio.charset.StandardCharsets
import java.nio.ByteBuffer
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.security.MessageDigest

/**
 * What a run made, as a listing to compare two runs by: every file and link under a root (the compose,
 * staging and production trees) with its size and a checksum, one line each. Left out is what no two runs
 * share: each compose's {@code work/} (the run's logs, journal, caches and scratch) and the demo's ports. The
 * fields that carry the time of a run are masked in text files (seconds since the epoch in .treeinfo,
 * .discinfo, media.repo, the metadata and the file lists; the implanted MD5 of an ISO), and an ISO, whose
 * bytes carry the time xorriso wrote it, is listed by its size, its checksum in the CHECKSUM files masked. A
 * detached signature ({@code .asc}) carries the time it was made, and its length varies with the number it holds:
 * it is listed by its name only (specs that need it check it with gpg), and its size is masked in the file lists, as
 * are the lists' SHA-1 of each repomd.xml, whose bytes carry the time it was written.
 */
@CompileStatic
final class ComposeTree {

    private static final String EPOCH = /\b1[6-9]\d{8}\b/

    private ComposeTree() {
    }

    static List<String> listing(Path root) {
        List<Path> paths = []
        Files.walk(root).withCloseable { stream ->
            stream.filter { Path p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) }
                    .filter { Path p -> !scratch(root.relativize(p)) }.forEach { Path p -> paths << p }
        }
        Map<String, String> isos = [:]
        paths.findAll { isIso(it) }.each { isos[sha256(Files.readAllBytes(it))] = it.fileName.toString() }
        paths.sort().collect { Path p ->
            String name = root.relativize(p).toString()
            if (Files.isSymbolicLink(p)) {
                return "$name -> ${Files.readSymbolicLink(p).toString().replace(root.toString(), 'ROOT')}".toString()
            }
            byte[] bytes = Files.readAllBytes(p)
            if (isIso(p)) {
                return "$name ${bytes.length} (an ISO)".toString()
            }
            if (name.endsWith('.asc')) {
                return "$name (a signature)".toString()
            }
            String text = utf8(bytes)
            if (text != null) {
                text = text.replaceAll(EPOCH, 'EPOCH').replaceAll(/"implant_md5": ?"[0-9a-f]+"/, '"implant_md5": MD5')
                        .replaceAll(/(?m)^(EPOCH\tf\t)\d+(\t.*\.asc)$/, '$1SIZE$2')
                        .replaceAll(/(?m)^[0-9a-f]{40}(\t.*repomd\.xml)$/, 'SHA1$1')
                isos.each { String sum, String iso -> text = text.replace(sum, "sha256 of $iso") }
                bytes = text.getBytes(StandardCharsets.UTF_8)
            }
            "$name ${Files.size(p)} ${sha256(bytes).substring(0, 16)}".toString()
        }
    }

    /** A compose's work tree, or the demo's record of its server port. */
    private static boolean scratch(Path relative) {
        List<String> parts = relative.collect { it.toString() }
        parts == ['.demo-server-port'] || parts == ['.demo-s3-port'] || (parts.size() > 3 && parts[0] == 'compose' && parts[3] == 'work')
    }

    private static boolean isIso(Path p) {
        p.fileName.toString().endsWith('.iso') && !Files.isSymbolicLink(p)
    }

    private static String utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString()
        } catch (CharacterCodingException ignored) {
            null
        }
    }

    private static String sha256(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
    }
}
