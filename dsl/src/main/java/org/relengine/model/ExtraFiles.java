package org.relengine.model;

import java.util.List;

/** Files taken from a git repository at a ref, put on the DVD root and into the compose metadata. */
public record ExtraFiles(String git, String ref, List<String> files, Origin origin) {
}
