package org.relengine.plan.spi;

import java.nio.file.Path;
import org.relengine.net.Wait;

/**
 * What a run lends an operation.
 *
 * @param scratch a directory for temporary clones and downloads, unique to the run
 * @param network how long the task may still wait on the network, and who hears what it waits for
 */
public record OperationContext(Path scratch, Wait network) {
}
