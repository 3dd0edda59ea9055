package dev.clipforge.activities.render;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile's text names stored previews, so it must not depend on the order its options were given in. */
class RenderProfileTest {
    @Test
    void theSameOptionsInAnotherOrderDescribeTheSameProfile() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("preset", "veryfast");
        one.put("crf", "28");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("crf", "28");
        other.put("preset", "veryfast");
        RenderProfile a = new RenderProfile("preview", 540, 960, "libx264", one, 96_000, -14.0, -1);
        RenderProfile b = new RenderProfile("preview", 540, 960, "libx264", other, 96_000, -14.0, -1);
        assertThat(a.toString()).isEqualTo(b.toString()).contains("{crf=28, preset=veryfast}");
    }
}
