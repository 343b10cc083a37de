package org.relengine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "doctor", mixinStandardHelpOptions = true,
        description = "List the external tools relengine's steps use, with their versions, and how to install "
                + "what is missing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every tool is here", "1:a tool is missing"})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("relengine doctor: external tools");
        List<Doctor.Tool> missing = Doctor.report(List.copyOf(Doctor.TOOLS.keySet()), out);
        if (missing.isEmpty()) {
            out.println("Everything relengine runs is here.");
            return ExitCode.OK;
        }
        List<String> install = Doctor.installCommand(missing);
        out.println();
        out.println(install == null ? "Install: " + String.join(", ", missing.stream().map(Doctor.Tool::name).toList())
                : "Install them with:  sudo " + String.join(" ", install));
        out.flush();
        return ExitCode.ERRORS;
    }
}
