package org.relengine.model;

/** Where per-arch build results (lorax tarballs, cloud images) are stored and listed. */
public record Artifacts(String url, String bucket, String region, Origin origin) {
}
