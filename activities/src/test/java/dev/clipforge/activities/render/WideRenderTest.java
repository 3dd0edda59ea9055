package dev.clipforge.activities.render;

import dev.clipforge.activities.samples.SampleVideos;
import dev.clipforge.common.layout.LayoutDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wide layout: the whole 16:9 picture across the 9:16 frame, over a blurred fill of itself, never over
 * black bars. The source is red on its left half and blue on its right, so the fill shows whether it is the
 * picture (red left, blue right) or a bar (black).
 */
class WideRenderTest {
    static final Color RED = new Color(200, 40, 40);
    static final Color BLUE = new Color(40, 60, 200);
    @TempDir
    static Path dir;

    @Test
    void theBandsAboveAndBelowThePictureAreItsBlurredFillNotBlack() throws Exception {
        Path source = dir.resolve("halves.mp4");
        SampleVideos.write(source, SampleVideos.Spec.video(640, 360, 25, 2), i -> halves());
        LayoutDoc wide = new LayoutDoc(640, 360, 0, 2, 1080, 1920,
                List.of(new LayoutDoc.Segment(0, 2, LayoutDoc.Mode.WIDE, List.of(), "test")), List.of(), "wide", "wide", true,
                List.of());
        Path out = dir.resolve("wide.mp4");
        ClipRenderer.Result r = new ClipRenderer().render(source, 0, wide, null, RenderProfile.preview(), out, (d, n) -> { });
        assertThat(r.width()).isEqualTo(540);
        assertThat(r.height()).isEqualTo(960);

        List<BufferedImage> frames = CaptionRenderTest.decode(out);
        assertThat(frames).hasSizeGreaterThan(40);
        // the picture, 540 wide, sits in rows 328-631; the fill is above and below
        int pictureTop = (960 - 304) / 2;
        int pictureBottom = pictureTop + 304;
        for (BufferedImage f : List.of(frames.get(0), frames.get(frames.size() / 2), frames.get(frames.size() - 1))) {
            for (int y = 0; y < 960; y += 8) {
                if (y >= pictureTop - 4 && y < pictureBottom + 4) {
                    continue;
                }
                Color left = new Color(f.getRGB(60, y));
                Color right = new Color(f.getRGB(480, y));
                assertThat(luma(left)).as("row %d is not a black bar", y).isGreaterThan(40);
                assertThat(left.getRed()).as("row %d on the left is the red half, blurred", y).isGreaterThan(left.getBlue() + 60);
                assertThat(right.getBlue()).as("row %d on the right is the blue half, blurred", y).isGreaterThan(right.getRed() + 60);
            }
            Color middleLeft = new Color(f.getRGB(60, 480));
            assertThat(middleLeft.getRed()).as("the picture itself").isBetween(RED.getRed() - 30, RED.getRed() + 30);
        }
    }

    private static int luma(Color c) {
        return (int) Math.round(0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue());
    }

    private static BufferedImage halves() {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, 320, 360);
        g.setColor(BLUE);
        g.fillRect(320, 0, 320, 360);
        g.dispose();
        return img;
    }
}
