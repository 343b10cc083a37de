package org.relengine.exec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.relengine.plan.Action;
import org.relengine.plan.Plan;
import org.relengine.plan.PlanJson;
import org.relengine.plan.Task;
import org.relengine.plan.TaskKind;
import org.relengine.secrets.Redaction;

/**
 * Computes each task's {@link TaskIngredients}. What a task reads from inside the compose (another task's
 * output) is covered by the rule that a task runs again whenever a task it depends on runs again
 * ({@link ReuseRule}); only what it reads from outside is fingerprinted here. No ingredient holds a secret:
 * names and values are redacted, and the secrets themselves count through {@code credentials}.
 */
public final class TaskHasher {

    /** What an ingredient that needs a secret is, in a plan read back from a compose, which keeps none. */
    public static final String NOT_KEPT = "not known here: the compose keeps no secret";

    private final Plan plan;
    private final org.relengine.executors.ExecutorRegistry executors;
    private final ToolVersions tools;
    private final InputFingerprints fingerprints;
    private final String relengine;
    private final List<String> producedPaths = new ArrayList<>();
    private final Map<String, TaskIngredients> computed = new ConcurrentHashMap<>();
    private final Map<String, String> credentials = new ConcurrentHashMap<>();

    public TaskHasher(Plan plan, ToolVersions tools, InputFingerprints fingerprints, String relengineVersion) {
        this(plan, tools, fingerprints, relengineVersion, null);
    }

    /** @param executors what each task's executor adds to its ingredients (an image's digest); null adds nothing */
    public TaskHasher(Plan plan, ToolVersions tools, InputFingerprints fingerprints, String relengineVersion,
                      org.relengine.executors.ExecutorRegistry executors) {
        this.executors = executors;
        this.plan = plan;
        this.tools = tools;
        this.fingerprints = fingerprints;
        this.relengine = relengineVersion;
        producedPaths.add(plan.composeDir());
        plan.tasks().forEach(t -> t.outputs().stream().filter(TaskHasher::local).forEach(producedPaths::add));
    }

    /** The task's ingredients, computed once per run. */
    public TaskIngredients ingredients(String id) {
        TaskIngredients known = computed.get(id);
        if (known != null) {
            return known;
        }
        Task task = plan.task(id).orElseThrow(() -> new IllegalArgumentException("no task " + id + " in the plan"));
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("spec", spec(task));
        for (String tool : tools(task)) {
            parts.put("tool " + tool, tool.equals("relengine") ? relengine : tools.of(tool));
        }
        List<String> secrets = PlanJson.secrets(task);
        if (!secrets.isEmpty()) {
            parts.put("credentials", credentials.computeIfAbsent(String.join("\n", secrets), this::derive));
        } else if (Redaction.hides(PlanJson.taskTree(task).toString())) {
            // a plan read back from a compose: its secrets were never kept
            parts.put("credentials", NOT_KEPT);
        }
        if (executors != null) {
            executors.of(task).ingredients(plan, task).forEach((name, value) -> parts.put(name, Redaction.text(value)));
        }
        for (String input : task.inputs()) {
            if (!produced(input)) {
                parts.put("input " + Redaction.text(input), Redaction.text(fingerprint(task, input)));
            }
        }
        TaskIngredients ingredients = new TaskIngredients(parts);
        computed.put(id, ingredients);
        return ingredients;
    }

    /**
     * What stands for a task's secrets among its ingredients, which the journal keeps and {@code explain} shows:
     * a slow, salted derivation (PBKDF2), so that it changes with them but does not give them away to a quick
     * guess. Salted with the compose: a compose's runs agree on it, and no other compose's journal helps.
     */
    private String derive(String secrets) {
        try {
            javax.crypto.SecretKeyFactory pbkdf2 = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] key = pbkdf2.generateSecret(new javax.crypto.spec.PBEKeySpec(secrets.toCharArray(),
                    ("relengine credentials of " + plan.composeDir()).getBytes(StandardCharsets.UTF_8), 100_000, 128))
                    .getEncoded();
            return "pbkdf2-sha256 " + HexFormat.of().formatHex(key) + " (of the secrets it holds, which are not kept)";
        } catch (NoSuchAlgorithmException | java.security.spec.InvalidKeySpecException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        }
    }

    /** The task as planned (its actions, paths, options and dependencies, its secrets hidden), as a short digest. */
    static String spec(Task task) {
        try {
            // how often a task is tried does not change what it makes: a new retry policy reuses the work
            byte[] json = PlanJson.taskTree(task).without("retry").toString().getBytes(StandardCharsets.UTF_8);
            return "sha256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The programs whose versions count: this machine's for a task that runs here; elsewhere its commands run the
     * image's or the chroot's programs, which the executor's own ingredients stand for (podman's image digest).
     */
    private static List<String> tools(Task task) {
        List<String> names = new ArrayList<>();
        boolean here = task.executor() == org.relengine.model.Executor.LOCAL;
        for (Action action : task.actions()) {
            String name = action instanceof Action.Exec exec ? (here ? exec.argv().get(0) : null)
                    : action instanceof Action.WriteFile || action instanceof Action.Internal ? "relengine" : null;
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private String fingerprint(Task task, String input) {
        if (task.kind().inputs() == TaskKind.Inputs.GIT_REFS) {
            // `repository@ref`: the commit it resolves to is recorded in the compose, not looked up here
            return "not fingerprinted (a git ref)";
        }
        if (!input.contains("://")) {
            boolean content = plan.hashedByContent().stream().anyMatch(root -> within(input, root));
            return content ? fingerprints.content(Path.of(input)) : fingerprints.local(Path.of(input));
        }
        if (Redaction.hides(input)) {
            return "not fetched, " + NOT_KEPT;
        }
        boolean repository = task.kind().inputs() == TaskKind.Inputs.REPOSITORIES
                && (input.startsWith("http://") || input.startsWith("https://") || input.startsWith("file:"));
        return repository ? fingerprints.repository(input, task.id()) : "not fingerprinted (a remote location)";
    }

    /** Inside the compose, or made (or containing something made) by a task of the plan. */
    private boolean produced(String input) {
        if (!local(input)) {
            return false;
        }
        for (String path : producedPaths) {
            if (within(input, path) || within(path, input)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
    }

    private static boolean local(String path) {
        return path.startsWith("/");
    }
}
