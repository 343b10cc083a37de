package org.relengine.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.relengine.compile.RecipeFile;

/** Recipes in git: the commit a recipe is at, and a recipe's text at any revision (JGit, no git binary). */
public final class RecipeRevisions {

    private RecipeRevisions() {
    }

    /** A file read at a revision: its text and the commit the revision resolved to. */
    public record AtRevision(String text, String commit) {
    }

    /** HEAD's commit when {@code file} is tracked and unchanged in the work tree; empty otherwise. */
    public static Optional<String> cleanCommit(Path file) {
        try (Repository repository = open(file)) {
            if (repository == null) {
                return Optional.empty();
            }
            String relative = relative(repository, file);
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            try (Git git = new Git(repository)) {
                var status = git.status().addPath(relative).call();
                if (!status.isClean() || !status.getUntracked().isEmpty()) {
                    return Optional.empty();
                }
            }
            return Optional.of(head.name());
        } catch (IOException | GitAPIException e) {
            return Optional.empty();
        }
    }

    /** The file's text at {@code revision} ({@code HEAD~1}, a branch, a commit id). */
    public static AtRevision read(Path file, String revision) throws IOException {
        try (Repository repository = open(file)) {
            if (repository == null) {
                throw new IOException(file + " is not in a git repository");
            }
            ObjectId id = repository.resolve(revision);
            if (id == null) {
                throw new IOException("no revision `" + revision + "` in " + repository.getWorkTree());
            }
            String relative = relative(repository, file);
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(id);
                try (TreeWalk tree = TreeWalk.forPath(repository, relative, commit.getTree())) {
                    if (tree == null) {
                        throw new java.nio.file.NoSuchFileException(relative + " at " + revision);
                    }
                    return new AtRevision(new String(bytes(repository.open(tree.getObjectId(0))),
                            StandardCharsets.UTF_8), commit.name());
                }
            }
        }
    }

    /**
     * A blob's bytes, bounded as a recipe file on disk is ({@link RecipeFile#LIMIT}): its size is stated in the
     * object's header, and the bytes are also counted as they are inflated, so that a larger blob is never read
     * whole.
     */
    private static byte[] bytes(ObjectLoader loader) throws IOException {
        byte[] bytes;
        if (loader.getSize() > RecipeFile.LIMIT) {
            bytes = null;
        } else {
            try (InputStream in = loader.openStream()) {
                bytes = in.readNBytes(RecipeFile.LIMIT + 1);
            }
        }
        if (bytes == null || bytes.length > RecipeFile.LIMIT) {
            throw new RecipeFile.Refused("it is larger than " + RecipeFile.mebibytes(RecipeFile.LIMIT)
                    + ", more than any recipe", RecipeFile.RECIPE.sizeHint());
        }
        return bytes;
    }

    private static Repository open(Path file) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
                .findGitDir(file.toAbsolutePath().getParent().toFile());
        return builder.getGitDir() == null ? null : builder.build();
    }

    private static String relative(Repository repository, Path file) {
        Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        return top.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
