package org.relengine.model;

/**
 * Where per-arch build results (lorax tarballs, cloud images) are stored and listed.
 *
 * @param hashContent a local store is fingerprinted by the content of its files, not their sizes and times
 */
public record Artifacts(String url, String bucket, String region, boolean hashContent, Origin origin) {
}
