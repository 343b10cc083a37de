package org.relengine.steps.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The symbolic links of a tree about to be published, judged as a mirror will see them. rsync copies a link
 * as the link it is ({@code -l}), so only a link that is relative, never climbs above the top of the tree on
 * its way and leads to something there works wherever the tree is copied: the ISO aliases
 * ({@code Rocky-x86_64-boot.iso -> Rocky-9.7-x86_64-boot.iso}) do. An absolute link, even one into the
 * compose, names a path a mirror does not have, or has for something else.
 */
final class PublishedLinks {

    /** A link that would not work once published, and why, in words that follow its target. */
    record Refused(String link, String target, String why) {
    }

    /** Every link of the tree, and the refused ones among them, in path order. */
    record Judged(int links, List<Refused> refused) {
    }

    private PublishedLinks() {
    }

    static Judged judge(Path tree) throws IOException {
        List<Refused> refused = new ArrayList<>();
        int[] links = {0};
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isSymbolicLink()) {
                    links[0]++;
                    Path target = Files.readSymbolicLink(file);
                    String why = why(tree, file, target);
                    if (why != null) {
                        refused.add(new Refused(tree.relativize(file).toString(), target.toString(), why));
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        refused.sort(java.util.Comparator.comparing(Refused::link));
        return new Judged(links[0], List.copyOf(refused));
    }

    /** Null for a link that works on a mirror. */
    static String why(Path tree, Path link, Path target) {
        if (target.isAbsolute()) {
            return "is an absolute path, which on a mirror leads to nothing or to a file of the mirror's own";
        }
        // rsync's own rule for a safe link: no step of the way may climb above the top of the tree, even one
        // that comes back down by the tree's name (which is another name on every mirror)
        int depth = tree.relativize(link).getNameCount() - 1;
        for (Path part : target) {
            String name = part.toString();
            if (name.equals("..")) {
                depth--;
                if (depth < 0) {
                    return "leads out of the published tree";
                }
            } else if (!name.equals(".") && !name.isEmpty()) {
                depth++;
            }
        }
        if (!Files.exists(link)) {
            return "leads to nothing";
        }
        return null;
    }
}
