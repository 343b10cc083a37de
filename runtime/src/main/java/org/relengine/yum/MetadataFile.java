package org.relengine.yum;

/**
 * One file a {@code repomd.xml} names: {@code <data type="primary"><location href="repodata/…-primary.xml.gz"/>}.
 *
 * @param size its size in bytes, or -1 when repomd.xml does not say
 */
public record MetadataFile(String type, String href, Checksum checksum, long size) {
}
