package org.relengine.steps

import java.nio.file.Path
import java.time.Duration
import org.relengine.net.Wait
import org.relengine.plan.OperationKey
import org.relengine.plan.spi.OperationContext

/** An operation of the standard step units run by its key, as a task's internal action runs it. */
class Ops {

    static void run(String operation, Map<String, String> params, PrintWriter log, Path scratch) {
        StepRegistry.standard().operation(new OperationKey(operation))
                .run(params, log, new OperationContext(scratch, Wait.within(Duration.ofHours(2))))
    }
}
