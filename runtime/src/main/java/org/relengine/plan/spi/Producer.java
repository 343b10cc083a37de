package org.relengine.plan.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Makes the content of a file the plan writes without knowing it in advance. */
@FunctionalInterface
public interface Producer {

    /** @return the content, or null when there is nothing to write (an arch directory without images has no CHECKSUM) */
    String produce(Map<String, String> params, Path path, ProducerContext context) throws IOException;
}
