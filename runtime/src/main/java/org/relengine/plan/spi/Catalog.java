package org.relengine.plan.spi;

import org.relengine.plan.OperationKey;
import org.relengine.plan.Plan;
import org.relengine.plan.PlanException;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.Vocabulary;

/** The code behind every key a plan can name, as the registered step units provide it. */
public interface Catalog extends Vocabulary {

    /** @throws TaskFailure when no unit registered the key (a plan checked with {@link #check} names none such) */
    Operation operation(OperationKey key);

    Producer producer(ProducerKey key);

    Probe probe(OperationKey key);

    /**
     * Refuses a plan naming an operation, producer or probe no unit registered, before anything of it runs.
     *
     * @throws PlanException naming the task and the key
     */
    void check(Plan plan);
}
