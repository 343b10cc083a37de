package org.relengine.model;

import java.util.List;

/** A live ISO built with livemedia-creator from a kickstart. */
public record LiveImage(String name, String kickstart, List<String> arches, Origin origin) {
}
