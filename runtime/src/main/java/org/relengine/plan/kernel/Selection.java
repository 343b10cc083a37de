package org.relengine.plan.kernel;

import java.util.ArrayList;
import java.util.List;
import org.relengine.model.Recipe;
import org.relengine.model.Repo;
import org.relengine.plan.PlanException;
import org.relengine.plan.PlanOptions;
import org.relengine.validate.Suggestions;

/** The repos and arches a run composes, from {@code --repo} and {@code --arch}, each checked against the recipe. */
record Selection(List<Repo> repos, List<String> arches) {

    static Selection of(Recipe recipe, PlanOptions options) {
        return new Selection(repos(recipe, options), arches(recipe, options));
    }

    private static List<Repo> repos(Recipe recipe, PlanOptions options) {
        if (options.repos().isEmpty()) {
            return recipe.repos();
        }
        if (options.full() && options.scope().compose()) {
            throw new PlanException("--repo selects repos of an update run, but this is a full run",
                    "a full run composes every repo into a new compose; add --update to re-sync "
                            + String.join(", ", options.repos()) + " into the latest compose");
        }
        List<String> names = recipe.repos().stream().map(Repo::name).toList();
        for (String repo : options.repos()) {
            if (!names.contains(repo)) {
                throw new PlanException("--repo " + repo + ": the recipe declares no repo `" + repo + "`",
                        Suggestions.closest(repo, names).map(n -> "did you mean `" + n + "`?")
                                .orElse("repos: " + String.join(", ", names)));
            }
        }
        return recipe.repos().stream().filter(r -> options.repos().contains(r.name())).toList();
    }

    private static List<String> arches(Recipe recipe, PlanOptions options) {
        List<String> known = new ArrayList<>(recipe.arches());
        recipe.multilib().values().forEach(known::addAll);
        for (String arch : options.arches()) {
            if (!known.contains(arch)) {
                throw new PlanException("--arch " + arch + ": not an arch of the release",
                        Suggestions.closest(arch, known).map(n -> "did you mean `" + n + "`?")
                                .orElse("arches: " + String.join(", ", recipe.arches())));
            }
        }
        return options.arches().isEmpty() ? known : options.arches();
    }
}
