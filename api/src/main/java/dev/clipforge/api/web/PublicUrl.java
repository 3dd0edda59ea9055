package dev.clipforge.api.web;

import dev.clipforge.common.config.ClipforgeProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The base URL clients reach the API at, for links the API hands out (short download links): the
 * configured public URL, or the address the server actually bound (which differs from the setting when
 * the port is 0).
 */
@Component
public class PublicUrl {
    private final ClipforgeProperties properties;
    private volatile int boundPort;

    public PublicUrl(ClipforgeProperties properties) {
        this.properties = properties;
    }

    @EventListener
    public void bound(WebServerInitializedEvent event) {
        boundPort = event.getWebServer().getPort();
    }

    public String base() {
        var http = properties.http();
        if (!http.publicUrl().isBlank()) {
            return http.baseUrl();
        }
        return "http://" + http.host() + ":" + (boundPort > 0 ? boundPort : http.port());
    }
}
