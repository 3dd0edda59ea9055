package dev.clipforge.gpu.faces;

import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.gpu.models.ModelFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlazeFaceTest {
    static BlazeFace model;
    @TempDir
    static Path models;

    @BeforeAll
    static void load() {
        model = new BlazeFace(ModelFiles.extract(ModelFiles.BLAZEFACE, ModelFiles.BLAZEFACE_SHA256, models), 0.6, 0.3);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void findsTheFaceInAPortraitWithItsMouthInside() {
        try (BlazeFace.Session s = model.session()) {
            List<Face> faces = s.detect(PackageMedia.faceA());
            assertThat(faces).hasSize(1);
            Face f = faces.get(0);
            // the portrait's face spans roughly x 0.33..0.72, y 0.2..0.65 of the picture
            assertThat(f.box().cx()).isBetween(0.4, 0.65);
            assertThat(f.box().cy()).isBetween(0.3, 0.55);
            assertThat(f.box().w()).isBetween(0.25, 0.55);
            assertThat(f.mouthX()).isBetween(f.box().x(), f.box().right());
            assertThat(f.mouthY()).isBetween(f.box().cy(), f.box().bottom());
        }
    }

    @Test
    void findsTwoFacesSideBySideOnAWideFrameAndNoneOnAnEmptyOne() {
        BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(40, 50, 60));
        g.fillRect(0, 0, 1280, 720);
        try (BlazeFace.Session s = model.session()) {
            assertThat(s.detect(frame)).isEmpty();
            g.drawImage(PackageMedia.faceA(), 120, 160, 400, 400, null);
            g.drawImage(PackageMedia.faceB(), 760, 160, 400, 400, null);
            List<Face> faces = s.detect(frame);
            assertThat(faces).hasSize(2);
            assertThat(faces).anyMatch(f -> f.box().cx() < 0.5).anyMatch(f -> f.box().cx() > 0.5);
        } finally {
            g.dispose();
        }
    }
}
