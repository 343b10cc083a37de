package org.relengine.steps;

import java.util.List;
import org.relengine.model.Gpg;
import org.relengine.model.Recipe;
import org.relengine.model.Repo;
import org.relengine.model.Source;
import org.relengine.plan.ComposeLayout;

/**
 * The dnf configuration of one compose: one section per repo × arch for binary and debug packages and
 * one per repo for sources, named {@code <Repo>-<arch>}, {@code <Repo>-<arch>-debug}, {@code <Repo>-source}.
 * System repos are never read and the cache lives in the compose, so composes never share state.
 */
public final class DnfConfig {

    private DnfConfig() {
    }

    public static String binaryId(Repo repo, String arch) {
        return repo.name() + "-" + arch;
    }

    public static String debugId(Repo repo, String arch) {
        return repo.name() + "-" + arch + "-debug";
    }

    public static String sourceId(Repo repo) {
        return repo.name() + "-source";
    }

    public static String render(Recipe recipe, Source source, List<Repo> repos, ComposeLayout layout) {
        Gpg gpg = recipe.gpg();
        int major = recipe.release().major();
        StringBuilder text = new StringBuilder();
        text.append("# dnf configuration of compose ").append(layout.composeId()).append(", written by relengine\n");
        text.append("[main]\nreposdir=/dev/null\ncachedir=").append(layout.dnfCache())
                .append("\nkeepcache=0\nmetadata_expire=0\nskip_if_unavailable=False\n")
                // every wait of dnf's is bounded: a server that sends less than minrate bytes a second for timeout
                // seconds is given up (repomd.xml is tried 4 times: 2 minutes at most), and a package download is
                // tried again at most retries times in all; the task's --timeout bounds the whole
                .append("timeout=30\nminrate=1000\nretries=20\n\n");
        for (Repo repo : repos) {
            for (String arch : recipe.syncArches(repo)) {
                section(text, binaryId(repo, arch), source.binaryUrl(repo.from(), major, arch), gpg);
                if (repo.debug()) {
                    section(text, debugId(repo, arch), source.debugUrl(repo.from(), major, arch), gpg);
                }
            }
            if (repo.source()) {
                section(text, sourceId(repo), source.sourceUrl(repo.from(), major), gpg);
            }
        }
        return text.toString();
    }

    private static void section(StringBuilder text, String id, String url, Gpg gpg) {
        text.append('[').append(id).append("]\nname=").append(id).append("\nbaseurl=").append(url)
                .append("\nenabled=1\n");
        if (gpg.check()) {
            text.append("gpgcheck=1\nrepo_gpgcheck=1\ngpgkey=").append(String.join(" ", gpg.keyUrls())).append('\n');
        } else {
            text.append("gpgcheck=0\nrepo_gpgcheck=0\n");
        }
        text.append('\n');
    }
}
