package org.relengine.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.relengine.model.Arches;
import org.relengine.model.Release;

/**
 * Where one kind of build result lives in an artifact store, as Rocky's bucket lays them out: under a prefix, in a
 * directory named by the Unix epoch (seconds) of its upload, a file whose name contains {@code match} and ends with
 * {@code suffix}. The writer ({@code iso}) and the readers ({@code unpack}, {@code cloud}) take their keys from here
 * and nowhere else.
 *
 * <pre>
 * buildiso-&lt;major&gt;-&lt;k8s arch&gt;/&lt;epoch&gt;/lorax-&lt;version&gt;-&lt;arch&gt;.tar.gz
 * buildimage-&lt;version&gt;-&lt;arch&gt;/&lt;image&gt;/&lt;epoch&gt;/Rocky-9-GenericCloud-Base-9.7-&lt;date&gt;.&lt;n&gt;.&lt;arch&gt;.qcow2
 * </pre>
 *
 * @param prefix every key of this kind starts with it; it ends with {@code /}
 * @param match  the result's file name contains it (empty: any)
 * @param suffix the result's file name ends with it
 */
public record ResultKeys(String prefix, String match, String suffix) {

    public ResultKeys {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a key prefix ends with /: " + prefix);
        }
    }

    /** Each arch's lorax result: {@code buildiso-9-amd64/<epoch>/lorax-9.7-x86_64.tar.gz}. */
    public static ResultKeys lorax(Release release, String arch) {
        return new ResultKeys("buildiso-" + release.major() + "-" + Arches.kubernetes(arch) + "/", "",
                loraxFile(release, arch));
    }

    /** The file name of an arch's lorax result. */
    public static String loraxFile(Release release, String arch) {
        return "lorax-" + release.version() + "-" + arch + ".tar.gz";
    }

    /**
     * A cloud image: {@code buildimage-<version>-<arch>/<name>/<epoch>/<file>}, its file named
     * {@code <fileStart>…<fileEnd>} (the build date and number between them).
     */
    public static ResultKeys cloud(Release release, String arch, String name, String fileStart, String fileEnd) {
        return new ResultKeys("buildimage-" + release.version() + "-" + arch + "/" + name + "/", fileStart, fileEnd);
    }

    /** The key of a result {@code file} uploaded at {@code epoch}. */
    public String key(long epoch, String file) {
        return prefix + epoch + "/" + file;
    }

    /** The key of this kind's result uploaded at {@code epoch}, when its file name is fixed (no {@code match}). */
    public String key(long epoch) {
        if (!match.isEmpty()) {
            throw new IllegalStateException("the file name of " + this + " is not fixed");
        }
        return key(epoch, suffix);
    }

    /** How the keys look, for plans and messages: {@code buildiso-9-amd64/<epoch>/lorax-9.7-x86_64.tar.gz}. */
    public String pattern() {
        return prefix + "<epoch>/" + (match.isEmpty() ? suffix : match + "*" + suffix);
    }

    public boolean matches(String key) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        return name.contains(match) && name.endsWith(suffix);
    }

    /**
     * The epoch of a key: the number of its last directory made only of digits, -1 when it has none. Compared as a
     * number: {@code 999/} is older than {@code 1000/}, which string order would not say.
     */
    public static long epoch(String key) {
        String[] parts = key.split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            if (!parts[i].isEmpty() && parts[i].length() <= 18 && parts[i].chars().allMatch(Character::isDigit)) {
                return Long.parseLong(parts[i]);
            }
        }
        return -1;
    }

    /** Of {@code keys}, the newest of this kind: the highest epoch, then the last in name order. */
    public Optional<String> newest(Collection<String> keys) {
        return keys.stream().filter(this::matches)
                .max(Comparator.comparingLong(ResultKeys::epoch).thenComparing(Comparator.naturalOrder()));
    }
}
