package org.relengine.plan.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters of an action, in the order given. */
public final class Params {

    private Params() {
    }

    public static Map<String, String> of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in pairs of a name and a value");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
