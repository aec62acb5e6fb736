package com.aimedia.gateway.api.catalog;

import java.util.Locale;

/** What a model produces. */
public enum ModelKind {

    VIDEO, IMAGE, AUDIO;

    /** The wire form: {@code video}, {@code image}, {@code audio}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

}
