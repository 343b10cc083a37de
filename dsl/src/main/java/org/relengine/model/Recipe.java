package org.relengine.model;

import java.util.List;
import java.util.Optional;

/**
 * A whole, resolved recipe: includes applied, defaults filled in. Immutable; knows nothing of Groovy
 * or of execution.
 *
 * @param files    the recipe file first, then every file it includes, in include order
 * @param archesOrigin where the arch list was declared, with the position of each arch
 * @param multilib per base arch, the arches its multilib repos add ({@code x86_64 → [i686]})
 * @param executors how tasks run that a step puts on podman, mock or Kubernetes
 */
public record Recipe(List<String> files, Release release, List<String> arches, Origin archesOrigin,
                     java.util.Map<String, List<String>> multilib, List<Source> sources, Gpg gpg,
                     List<Repo> repos, Lorax lorax, List<Image> images, List<CloudImage> cloudImages,
                     List<LiveImage> liveImages, ExtraFiles extraFiles, Artifacts artifacts, Roots roots,
                     ExecutorSettings executors, List<Step> compose, List<Step> publish, ExistingCompose existing,
                     Sig sig, List<ConstantValue> constants) {

    /**
     * Whether a run of the recipe promotes to production: it has a {@code production} step and makes the release,
     * not a candidate of it ({@link Release#candidate()}), which stays in staging.
     */
    public boolean promotes() {
        return step(Step.Production.class).isPresent() && !release.candidate();
    }

    /** Whether the recipe composes a Special Interest Group's repos ({@code sig 'cloud'}). */
    public boolean composesSig() {
        return sig != null;
    }

    /** Whether the recipe publishes a compose made elsewhere ({@code existing compose:}) instead of composing one. */
    public boolean publishesExisting() {
        return existing != null;
    }

    public String file() {
        return files.get(0);
    }

    public Optional<Repo> repo(String name) {
        return repos.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<Image> image(String name) {
        return images.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<Source> source(SourceKind kind) {
        return sources.stream().filter(s -> s.kind() == kind).findFirst();
    }

    public <T extends Step> Optional<T> step(Class<T> type) {
        return java.util.stream.Stream.concat(compose.stream(), publish.stream())
                .filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The arches a repo is synced on: its own plus the multilib arches of its base arches. */
    public List<String> syncArches(Repo repo) {
        if (!repo.multilib()) {
            return repo.arches();
        }
        List<String> result = new java.util.ArrayList<>(repo.arches());
        for (String arch : repo.arches()) {
            multilib.getOrDefault(arch, List.of()).stream().filter(a -> !result.contains(a)).forEach(result::add);
        }
        return List.copyOf(result);
    }
}
