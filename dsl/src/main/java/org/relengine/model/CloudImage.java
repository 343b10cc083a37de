package org.relengine.model;

import java.util.List;

/** A cloud or container image type pulled from the artifact store, per variant and arch. */
public record CloudImage(String type, String format, List<String> variants, String primary, List<String> arches,
                         Origin origin) {
}
