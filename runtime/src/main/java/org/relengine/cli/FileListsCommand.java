package org.relengine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import org.relengine.model.FileListModule;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code relengine filelists} in the full command line; the launcher starts {@link QuickFileLists} instead. */
@Command(versionProvider = Main.Version.class, name = "filelists", mixinStandardHelpOptions = true,
        description = {"Write the mirror file lists of trees: fullfilelist and fullfiletimelist-MODULE in each DIR "
                + "(what sync-file-list-parallel.sh does). Run it once, after every sync has finished."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the lists are written", "1:a directory cannot be listed"})
public final class FileListsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Trees to list, each the top of an rsync module.")
    List<Path> dirs;

    @Option(names = "--module", paramLabel = "NAME", defaultValue = "rocky",
            description = "Module name in fullfiletimelist-NAME (default rocky).")
    String module;

    @Option(names = "--quiet", description = "Print nothing when all went well.")
    boolean quiet;

    @Override
    public Integer call() {
        // the module names the file fullfiletimelist-NAME in each DIR: `../x` would write it outside the tree
        String refusal = FileListModule.refusal(module);
        if (refusal != null) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--module': `"
                    + FileListModule.shown(module) + "` is not a file list module: " + refusal + " ("
                    + FileListModule.HINT + ")");
        }
        return QuickFileLists.run(dirs, module, quiet, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
