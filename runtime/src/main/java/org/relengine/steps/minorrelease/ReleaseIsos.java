package org.relengine.steps.minorrelease;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.relengine.plan.spi.TaskFailure;

/**
 * The release's ISOs, found in the ISO directories of a compose made elsewhere and copied into the staged release.
 * Everything is checked before anything is copied: each ISO the recipe names must be in exactly one of the
 * directories, and no other ISO may be there (it would be left behind unpublished). A copy goes to a hidden name and
 * is renamed into place whole, with the compose's times; an ISO already there with the same size and time (to the
 * second, as rsync compares them) is kept.
 */
final class ReleaseIsos {

    private ReleaseIsos() {
    }

    static void gather(Map<String, String> p, PrintWriter log) throws IOException {
        List<Path> from = Arrays.stream(p.get("from").split(",")).map(Path::of).toList();
        Path into = Path.of(p.get("into"));
        List<String> names = Arrays.asList(p.get("names").split(","));
        Map<String, Path> found = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (Path dir : from) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path iso : files.filter(f -> f.getFileName().toString().endsWith(".iso")).sorted().toList()) {
                    String name = iso.getFileName().toString();
                    if (!names.contains(name)) {
                        others.add(iso.toString());
                    } else if (found.putIfAbsent(name, iso) != null) {
                        throw new TaskFailure(name + " is in both " + found.get(name).getParent() + " and " + dir
                                + ": which one is the release's is not clear; remove the wrong one from the compose");
                    }
                }
            }
        }
        List<String> missing = names.stream().filter(n -> !found.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new TaskFailure("the compose has no " + String.join(", ", missing) + " in " + join(from) + "; the "
                    + "recipe's images name it (hint: `minorRelease isos:` names the variants whose ISO directories "
                    + "hold the ISOs; an image the compose does not make goes out of the recipe's `images`)");
        }
        if (!others.isEmpty()) {
            throw new TaskFailure("the compose has " + String.join(", ", others) + ", which the recipe names no image "
                    + "for; it would not be published (hint: declare it in `images`, e.g. image 'minimal')");
        }
        Files.createDirectories(into);
        for (Map.Entry<String, Path> iso : found.entrySet()) {
            Path target = into.resolve(iso.getKey());
            Path source = iso.getValue();
            if (Files.isRegularFile(target) && Files.size(target) == Files.size(source)
                    && sameSecond(Files.getLastModifiedTime(target), Files.getLastModifiedTime(source))) {
                log.println(target + ": unchanged (same size and time as " + source + ")");
                continue;
            }
            Path partial = into.resolve("." + iso.getKey() + ".part");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.println("copied " + source + " to " + target + " (" + Files.size(target) + " bytes)");
        }
    }

    /** Times as rsync compares them: in whole seconds (a copy keeps them to the microsecond at best). */
    private static boolean sameSecond(FileTime a, FileTime b) {
        return a.to(TimeUnit.SECONDS) == b.to(TimeUnit.SECONDS);
    }

    private static String join(List<Path> dirs) {
        return String.join(" or ", dirs.stream().map(Path::toString).toList());
    }
}
