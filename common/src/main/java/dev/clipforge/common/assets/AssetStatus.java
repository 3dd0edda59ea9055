package dev.clipforge.common.assets;

import java.util.Locale;

public enum AssetStatus {
    AWAITING_UPLOAD, INGESTING, READY, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AssetStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
