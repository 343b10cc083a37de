package org.relengine.model;

/**
 * What may name a file list module: a recipe's {@code filelists modules: [...]} and {@code relengine filelists
 * --module}. A module names the directory {@code <pub>/NAME} that is listed and the file
 * {@code fullfiletimelist-NAME} written into it, so it must be one plain directory name: anything else would put
 * the lists elsewhere ({@code ../../x} outside the tree) or in a directory that does not exist ({@code a/b}).
 */
public final class FileListModule {

    /** The hint of every refusal. */
    public static final String HINT = "a module is one directory name, e.g. 'rocky'";

    private FileListModule() {
    }

    /** Why {@code name} cannot name a module, as the end of "… is not a file list module: …"; null when it can. */
    public static String refusal(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        if (name.startsWith("/")) {
            return "it is an absolute path";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "it has a `" + segment + "` segment";
            }
        }
        if (name.contains("/")) {
            return "it has a `/`";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "it has a control character";
            }
        }
        return null;
    }

    /**
     * {@code name} as a message shows it: control characters escaped ({@code \n}, {@code \t}, {@code \xNN}) and a
     * backslash doubled, so that a message stays one line and says exactly which characters the name has.
     */
    public static String shown(String name) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                case '\r' -> shown.append("\\r");
                case '\\' -> shown.append("\\\\");
                default -> shown.append(Character.isISOControl(c) ? String.format("\\x%02X", (int) c) : String.valueOf(c));
            }
        }
        return shown.toString();
    }
}
