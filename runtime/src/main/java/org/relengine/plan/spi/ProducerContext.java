package org.relengine.plan.spi;

import java.io.IOException;
import java.nio.file.Path;

/** What a run lends a producer. */
public interface ProducerContext {

    /** The run's one timestamp, in seconds: every .treeinfo and .discinfo of a run carries the same. */
    long timestamp();

    /** How the compose ends, from its journal: FINISHED, or FINISHED_INCOMPLETE when a failable task failed. */
    String finishedStatus(Path journal) throws IOException;
}
