package org.relengine.yum;

/** Metadata a server sent that cannot be read: its message says what is wrong with it. */
public final class BadMetadata extends Exception {

    public BadMetadata(String message) {
        super(message);
    }
}
