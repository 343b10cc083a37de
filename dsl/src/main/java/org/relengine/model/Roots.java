package org.relengine.model;

/** The filesystem roots: compose work, staging and production trees. */
public record Roots(String compose, String staging, String production, Origin origin) {

    public static final String DEFAULT_COMPOSE = "/mnt/compose";
    public static final String DEFAULT_STAGING = "/mnt/repos-staging";
    public static final String DEFAULT_PRODUCTION = "/mnt/repos-production";
}
