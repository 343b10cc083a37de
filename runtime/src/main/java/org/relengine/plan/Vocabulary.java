package org.relengine.plan;

import java.util.List;
import java.util.Optional;

/**
 * The words a plan file is written in, as this version of relengine knows them: task kinds, producers and
 * operations. A plan read back from JSON is resolved against it, so that a plan naming something unknown is
 * refused when it is read, not in the middle of a run.
 */
public interface Vocabulary {

    /** Every task kind, in pipeline order. */
    List<TaskKind> kinds();

    default Optional<TaskKind> kind(String word) {
        return kinds().stream().filter(k -> k.word().equals(word)).findFirst();
    }

    /** The producer a plan names by its description. */
    Optional<ProducerKey> producer(String description);

    /** An operation or probe a plan names. */
    Optional<OperationKey> operation(String name);
}
