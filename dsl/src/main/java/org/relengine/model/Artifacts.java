package org.relengine.model;

/**
 * Where per-arch build results (lorax tarballs, cloud images) are stored and listed.
 *
 * @param endpoint    the S3 endpoint of a server other than AWS, or null
 * @param pathStyle   the bucket is addressed in the URL path ({@code http://host/bucket/key})
 * @param hashContent a local store is fingerprinted by the content of its files, not their sizes and times
 */
public record Artifacts(String url, String bucket, String region, String endpoint, boolean pathStyle,
                        boolean hashContent, Origin origin) {
}
