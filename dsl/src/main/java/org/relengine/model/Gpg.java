package org.relengine.model;

import java.util.List;

/** The release's signing keys: imported before syncing and given to dnf as {@code gpgkey}. */
public record Gpg(boolean check, String url, List<String> keys, Origin origin) {

    public static final Gpg NONE = new Gpg(false, "", List.of(), Origin.of(Position.NONE));

    public List<String> keyUrls() {
        return keys.stream().map(k -> url + k).toList();
    }
}
