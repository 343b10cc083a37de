package org.relengine.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relengine.plan.Action;
import org.relengine.plan.OperationKey;
import org.relengine.plan.Plan;
import org.relengine.plan.PlanException;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.Task;
import org.relengine.plan.TaskKind;
import org.relengine.plan.spi.Catalog;
import org.relengine.plan.spi.Operation;
import org.relengine.plan.spi.Probe;
import org.relengine.plan.spi.Producer;
import org.relengine.plan.spi.StepUnit;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.steps.cloud.CloudStep;
import org.relengine.steps.createrepo.CreaterepoStep;
import org.relengine.steps.updateinfo.UpdateinfoStep;
import org.relengine.steps.vault.VaultStep;
import org.relengine.steps.extrafiles.ExtraFilesStep;
import org.relengine.steps.extras.ExtrasStep;
import org.relengine.steps.filelists.FileListsStep;
import org.relengine.steps.files.FileOperations;
import org.relengine.steps.finalize.FinalizeStep;
import org.relengine.steps.live.LiveStep;
import org.relengine.steps.hardlink.HardlinkStep;
import org.relengine.steps.lorax.LoraxStep;
import org.relengine.steps.minorrelease.MinorReleaseStep;
import org.relengine.steps.prepare.PrepareStep;
import org.relengine.steps.promote.PromoteStep;
import org.relengine.steps.publish.Publishing;
import org.relengine.steps.sign.SignStep;
import org.relengine.steps.signrepos.SignReposStep;
import org.relengine.steps.stage.StageStep;
import org.relengine.steps.sync.SyncStep;
import org.relengine.steps.torrents.TorrentsStep;
import org.relengine.steps.treeinfo.TreeInfoStep;
import org.relengine.steps.unpack.UnpackStep;

/**
 * Every step unit, in pipeline order: the planning kernel runs the units of each phase in this order, and the
 * code behind every key a plan names is found here. A new step is a new package and one line in {@link #UNITS}.
 */
public final class StepRegistry implements Catalog {

    private static final List<StepUnit> UNITS = List.of(
            new FileOperations(),
            new Publishing(),
            new PrepareStep(),
            new ExtraFilesStep(),
            new SyncStep(),
            new LoraxStep(),
            new UnpackStep(),
            new TreeInfoStep(),
            new ExtrasStep(),
            new CloudStep(),
            new LiveStep(),
            new FinalizeStep(),
            new StageStep(),
            new MinorReleaseStep(),
            new CreaterepoStep(),
            new HardlinkStep(),
            new UpdateinfoStep(),
            new SignStep(),
            new SignReposStep(),
            new PromoteStep(),
            new FileListsStep(),
            new TorrentsStep(),
            new VaultStep());

    private static final StepRegistry STANDARD = new StepRegistry(UNITS);

    private final List<StepUnit> units;
    private final List<TaskKind> kinds = new ArrayList<>();
    private final Map<OperationKey, Operation> operations = new LinkedHashMap<>();
    private final Map<ProducerKey, Producer> producers = new LinkedHashMap<>();
    private final Map<OperationKey, Probe> probes = new LinkedHashMap<>();

    /** @throws IllegalStateException when two units register one kind or key: a fault of the registry */
    public StepRegistry(List<StepUnit> units) {
        this.units = List.copyOf(units);
        for (StepUnit unit : units) {
            for (TaskKind kind : unit.kinds()) {
                if (kinds.stream().anyMatch(k -> k.word().equals(kind.word()))) {
                    throw new IllegalStateException("two step units plan tasks of the kind " + kind.word());
                }
                kinds.add(kind);
            }
            register(operations, unit.operations(), unit);
            register(producers, unit.producers(), unit);
            register(probes, unit.probes(), unit);
        }
        for (OperationKey key : probes.keySet()) {
            if (operations.containsKey(key)) {
                throw new IllegalStateException(key + " is both an operation and a probe");
            }
        }
    }

    private static <K, V> void register(Map<K, V> into, Map<K, V> from, StepUnit unit) {
        from.forEach((key, value) -> {
            if (into.putIfAbsent(key, value) != null) {
                throw new IllegalStateException(unit.getClass().getSimpleName() + " registers " + key
                        + ", which another step unit registered");
            }
        });
    }

    /** The units relengine ships, in pipeline order. */
    public static StepRegistry standard() {
        return STANDARD;
    }

    /** The plan of a recipe with the units relengine ships. */
    public static org.relengine.plan.Plan plan(org.relengine.model.Recipe recipe,
                                               org.relengine.plan.PlanOptions options) {
        return org.relengine.plan.kernel.Planner.plan(recipe, options, STANDARD.units());
    }

    public List<StepUnit> units() {
        return units;
    }

    @Override
    public List<TaskKind> kinds() {
        return List.copyOf(kinds);
    }

    @Override
    public Optional<ProducerKey> producer(String description) {
        return producers.keySet().stream().filter(k -> k.description().equals(description)).findFirst();
    }

    @Override
    public Optional<OperationKey> operation(String name) {
        OperationKey key = new OperationKey(name);
        return operations.containsKey(key) || probes.containsKey(key) ? Optional.of(key) : Optional.empty();
    }

    @Override
    public Operation operation(OperationKey key) {
        Operation operation = operations.get(key);
        if (operation == null) {
            throw new TaskFailure("`" + key + "` is not available in this version of relengine");
        }
        return operation;
    }

    @Override
    public Producer producer(ProducerKey key) {
        Producer producer = producers.get(key);
        if (producer == null) {
            throw new TaskFailure("writing with `" + key.description() + "` is not available in this version of "
                    + "relengine");
        }
        return producer;
    }

    @Override
    public Probe probe(OperationKey key) {
        Probe probe = probes.get(key);
        if (probe == null) {
            throw new TaskFailure("`" + key + "` is not available in this version of relengine");
        }
        return probe;
    }

    @Override
    public void check(Plan plan) {
        for (Task task : plan.tasks()) {
            if (kinds.stream().noneMatch(k -> k.equals(task.kind()))) {
                throw unknown(task, "is of the kind `" + task.kind().word() + "`");
            }
            for (Action action : task.actions()) {
                if (action instanceof Action.Internal internal && !operations.containsKey(internal.operation())) {
                    throw unknown(task, "performs `" + internal.operation() + "`");
                }
                if (action instanceof Action.Probe probe && !probes.containsKey(probe.operation())) {
                    throw unknown(task, "looks with `" + probe.operation() + "`");
                }
                if (action instanceof Action.WriteFile write && write.content() == null
                        && !producers.containsKey(write.producer())) {
                    throw unknown(task, "writes " + write.path() + " with `" + write.producer().description() + "`");
                }
            }
        }
    }

    private static PlanException unknown(Task task, String what) {
        return new PlanException("task " + task.id() + " " + what + ", which no step unit of this version of "
                + "relengine provides", "was the plan made by another version of relengine? plan again with this one");
    }
}
