package dev.clipforge.gpu.faces;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds faces in pictures. A detector is shared; each thread detects through a session of its own. */
public interface FaceDetector extends AutoCloseable {

    /** What the visual timeline records as its detector: blazeface or haar. */
    String name();

    /** The detector and whatever else changes what it finds (thresholds): scans cached under another are not reused. */
    default String settings() {
        return name();
    }

    Session session();

    @Override
    void close();

    interface Session extends AutoCloseable {
        /** Faces in the image, boxes normalised to its size. */
        List<Face> detect(BufferedImage image);

        @Override
        void close();
    }
}
