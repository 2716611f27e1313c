package org.acdit4j.tracking;

import java.util.regex.Pattern;

/** Removes the user-info part ({@code user:password@}) of URIs before they are printed, logged or stored. */
public final class UriRedaction {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");

    private UriRedaction() {
    }

    /** {@code https://bob:secret@host/x} becomes {@code https://host/x}; other text is returned unchanged. */
    public static String withoutUserInfo(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("");
    }
}
