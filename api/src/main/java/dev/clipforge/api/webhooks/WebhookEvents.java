package dev.clipforge.api.webhooks;

import java.util.List;

/** The events an endpoint can subscribe to. */
public final class WebhookEvents {
    public static final List<String> ALL = List.of("clip.status_changed", "clip.ready", "clip.exported", "clip.failed",
            "asset.ready");

    private WebhookEvents() {
    }
}
