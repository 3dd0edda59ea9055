package dev.clipforge.gpu.faces;

import dev.clipforge.common.visual.Box;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

/**
 * The fallback face detector: OpenCV's frontal-face Haar cascade, shipped inside the OpenCV jar. It needs no
 * model runtime, so it works where ONNX Runtime cannot load; it finds frontal faces only and gives no
 * landmarks, so the mouth is placed where it sits in an upright face.
 */
public final class HaarFaces implements FaceDetector {
    static final String CASCADE = "haarcascade_frontalface_default.xml";
    /** Detection runs on frames scaled to this width: faces a tenth of the frame wide are still 48 px. */
    static final int WIDTH = 480;
    /** Where the mouth sits in a Haar face box (share of its width and height). */
    static final double MOUTH_X = 0.5;
    static final double MOUTH_Y = 0.78;
    /** The cascade gives no confidence: a hit that survived its neighbour vote counts as a sure one. */
    static final double SCORE = 0.9;

    private final String cascadeFile;

    public HaarFaces() {
        try {
            File f = Loader.cacheResource("/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + CASCADE);
            if (f == null) {
                throw new IllegalStateException("the OpenCV jar for " + Loader.getPlatform() + " has no " + CASCADE);
            }
            this.cascadeFile = f.getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the Haar cascade " + CASCADE, e);
        }
    }

    @Override
    public String name() {
        return "haar";
    }

    @Override
    public Session session() {
        return new Session(new CascadeClassifier(cascadeFile));
    }

    /** Nothing to free: each session holds (and closes) its own classifier. */
    @Override
    public void close() {
    }

    /** One classifier per thread: OpenCV's cascade is not safe to share. */
    public static final class Session implements FaceDetector.Session {
        private final CascadeClassifier cascade;

        private Session(CascadeClassifier cascade) {
            if (cascade.empty()) {
                throw new IllegalStateException("the Haar cascade did not load");
            }
            this.cascade = cascade;
        }

        @Override
        public List<Face> detect(BufferedImage image) {
            double scale = Math.min(1, WIDTH / (double) image.getWidth());
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            gray.getGraphics().drawImage(image, 0, 0, w, h, null);
            byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
            List<Face> out = new ArrayList<>();
            try (Mat mat = new Mat(h, w, CV_8UC1); Mat equalised = new Mat(); RectVector found = new RectVector()) {
                mat.data().put(pixels);
                opencv_imgproc.equalizeHist(mat, equalised);
                int min = Math.max(24, w / 20);
                cascade.detectMultiScale(equalised, found, 1.1, 4, 0, new Size(min, min), new Size());
                for (long i = 0; i < found.size(); i++) {
                    Rect r = found.get(i);
                    Box box = new Box(r.x() / (double) w, r.y() / (double) h, r.width() / (double) w, r.height() / (double) h);
                    out.add(new Face(box, SCORE, box.x() + MOUTH_X * box.w(), box.y() + MOUTH_Y * box.h()));
                }
            }
            return out;
        }

        @Override
        public void close() {
            cascade.close();
        }
    }
}
