package org.relengine.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets replaced by {@value #HIDDEN} in whatever relengine shows or keeps: the password of a URL's user
 * information ({@code https://user:***@host/…}; a user information without {@code :} is a token and is hidden
 * whole, {@code https://***@host/…}), and the value of a {@code password=} line of a configuration file. It
 * knows no secret: it recognises them by their form, so that a URL a tool echoes is caught as well as one
 * relengine prints. Text is otherwise left byte for byte as it is.
 */
public final class Redaction {

    /** What a secret is replaced by. */
    public static final String HIDDEN = "***";

    /**
     * {@code scheme://}, then the user information: every character of the authority up to its last {@code @}
     * (a password may hold an {@code @} a careless URL did not encode). The authority ends at {@code /}, {@code ?},
     * {@code #}, white space, or a character no URL holds that ends one in JSON, XML and HTML.
     */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://)([^/?#\\s\"<>]*)@");

    /** {@code password=…} at the start of a line, as dnf's configuration (and many others) write it. */
    private static final Pattern PASSWORD_LINE = Pattern.compile("(?m)^([ \\t]*password[ \\t]*=[ \\t]*)([^\\r\\n]*?)[ \\t]*$");

    private Redaction() {
    }

    /** The text with every secret it holds replaced by {@value #HIDDEN}. */
    public static String text(String text) {
        if (text == null || (text.indexOf("://") < 0 && !text.contains("password"))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = USER_INFO.matcher(text);
        int last = 0;
        while (m.find()) {
            String info = m.group(2);
            int colon = info.indexOf(':');
            String shown = colon < 0 ? HIDDEN : info.substring(0, colon + 1) + HIDDEN;
            out.append(text, last, m.start(2)).append(shown).append('@');
            last = m.end();
        }
        out.append(text, last, text.length());
        String urls = out.toString();
        return urls.contains("password") ? PASSWORD_LINE.matcher(urls).replaceAll("$1" + HIDDEN) : urls;
    }

    /** Whether the text holds a secret already hidden: it was read back from what relengine keeps. */
    public static boolean hides(String text) {
        return text != null && (text.contains(":" + HIDDEN + "@") || text.contains("://" + HIDDEN + "@")
                || text.contains("password=" + HIDDEN));
    }

    /**
     * The secrets {@code text} holds, each as written there, in the order they appear; those already hidden are
     * not. What must change a task's hash when the secrets change, without the hash's ingredients keeping them.
     */
    public static List<String> secretsIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher urls = USER_INFO.matcher(text);
        while (urls.find()) {
            String info = urls.group(2);
            String secret = info.indexOf(':') < 0 ? info : info.substring(info.indexOf(':') + 1);
            if (!secret.equals(HIDDEN) && !secret.isEmpty()) {
                found.add(urls.group(1) + info);
            }
        }
        Matcher lines = PASSWORD_LINE.matcher(text);
        while (lines.find()) {
            if (!lines.group(2).equals(HIDDEN) && !lines.group(2).isEmpty()) {
                found.add(lines.group(2));
            }
        }
        return found;
    }
}
