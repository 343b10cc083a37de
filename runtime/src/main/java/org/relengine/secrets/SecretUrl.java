package org.relengine.secrets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A URL that carries credentials in its user information ({@code https://user:password@host/…}), taken apart:
 * the URL without them, and the user name and password as a server is given them (percent-decoded). What
 * reads such a URL sends them itself, so that no tool is handed a URL it could show with its password.
 *
 * @param bare     the URL without its user information
 * @param password empty when the user information has no {@code :} (a token given as the user name)
 */
public record SecretUrl(String bare, String user, String password) {

    /** The URL's credentials, when it has a user information part. */
    public static Optional<SecretUrl> of(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0) {
            return Optional.empty();
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at < start) {
            return Optional.empty();
        }
        String info = url.substring(start, at);
        int colon = info.indexOf(':');
        String user = colon < 0 ? info : info.substring(0, colon);
        String password = colon < 0 ? "" : info.substring(colon + 1);
        return Optional.of(new SecretUrl(url.substring(0, start) + url.substring(at + 1), decode(user),
                decode(password)));
    }

    /** The {@code Authorization} header of HTTP basic authentication with these credentials. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code %40} is {@code @}; a {@code +} stays a {@code +}, as in any part of a URL but a form's query. */
    private static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int c = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Never the password: a record would print every component. */
    @Override
    public String toString() {
        int authority = bare.indexOf("://") + 3;
        return bare.substring(0, authority) + user + ":" + Redaction.HIDDEN + "@" + bare.substring(authority);
    }
}
