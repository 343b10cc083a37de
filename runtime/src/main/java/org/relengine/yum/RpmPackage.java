package org.relengine.yum;

/**
 * A package as primary.xml names it: where it lies in the tree, its size and checksum.
 *
 * @param href its {@code <location href>}, relative to the tree, which is also where a mirror keeps it
 * @param base its {@code <location xml:base>}, a URL it is served from instead of the repository's, or null
 * @param time its {@code <time file>}, seconds since the epoch
 */
public record RpmPackage(String href, String base, long size, Checksum checksum, long time) {
}
