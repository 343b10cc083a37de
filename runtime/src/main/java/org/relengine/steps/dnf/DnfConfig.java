package org.relengine.steps.dnf;

import java.util.List;
import java.util.Optional;
import org.relengine.model.Gpg;
import org.relengine.model.Recipe;
import org.relengine.model.Repo;
import org.relengine.model.Source;
import org.relengine.plan.ComposeLayout;
import org.relengine.plan.PlanException;
import org.relengine.secrets.SecretUrl;

/**
 * The dnf configuration of one compose: one section per repo × arch for binary and debug packages and
 * one per repo for sources, named {@code <Repo>-<arch>}, {@code <Repo>-<arch>-debug}, {@code <Repo>-source}.
 * System repos are never read and the cache lives in the compose, so composes never share state. The file
 * is the one place a source's credentials are kept: it is written 0600 from its creation.
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

    /**
     * A URL's credentials are given to dnf as the section's {@code username} and {@code password}, never in its
     * {@code baseurl}: dnf shows a baseurl in its errors and logs (in {@code /var/log/dnf.librepo.log} too), and
     * would show the password with it.
     */
    private static void section(StringBuilder text, String id, String url, Gpg gpg) {
        Optional<SecretUrl> secret = SecretUrl.of(url);
        text.append('[').append(id).append("]\nname=").append(id).append("\nbaseurl=")
                .append(secret.map(SecretUrl::bare).orElse(url)).append('\n');
        if (secret.isPresent()) {
            String user = secret.get().user();
            String password = secret.get().password();
            if ((user + password).chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new PlanException("the credentials of " + secret.get() + " hold a line break, which a dnf "
                        + "configuration cannot carry", "check the percent-encoding of the URL's user name and password");
            }
            text.append("username=").append(user).append("\npassword=").append(password).append('\n');
        }
        text.append("enabled=1\n");
        if (gpg.check()) {
            text.append("gpgcheck=1\nrepo_gpgcheck=1\ngpgkey=").append(String.join(" ", gpg.keyUrls())).append('\n');
        } else {
            text.append("gpgcheck=0\nrepo_gpgcheck=0\n");
        }
        text.append('\n');
    }
}
