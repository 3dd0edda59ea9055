package dev.clipforge.gpu.faces;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.clipforge.gpu.models.InUse;
import dev.clipforge.gpu.models.OnnxModels;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.clipforge.common.visual.Box;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe BlazeFace (back-camera model, 256x256, ONNX) through DJL's ONNX Runtime engine. The image is
 * letterboxed into the square input; the 896 anchor outputs are decoded, thresholded and merged with
 * non-maximum suppression, and boxes are mapped back to the image.
 */
public final class BlazeFace implements FaceDetector {
    static final int SIZE = 256;
    /** Anchor grids of the back model: 16x16 with 2 anchors per cell, then 8x8 with 6. */
    private static final float[][] ANCHORS = anchors();

    private final ZooModel<NDList, NDList> model;
    private final double minScore;
    private final double nmsIou;
    private final InUse inUse = new InUse("face detection");

    public BlazeFace(Path modelFile, double minScore, double nmsIou) {
        this.minScore = minScore;
        this.nmsIou = nmsIou;
        this.model = OnnxModels.load(modelFile, "face detection");
    }

    @Override
    public String name() {
        return "blazeface";
    }

    @Override
    public String settings() {
        return String.format(java.util.Locale.ROOT, "%s-min%.2f-nms%.2f", name(), minScore, nmsIou);
    }

    /** A predictor for one thread; detection itself is stateless. */
    @Override
    public Session session() {
        inUse.enter();
        try {
            return new Session(model.newPredictor(), model.getNDManager().newSubManager());
        } catch (RuntimeException e) {
            inUse.exit();
            throw e;
        }
    }

    public final class Session implements FaceDetector.Session {
        private final Predictor<NDList, NDList> predictor;
        private final NDManager manager;
        private final float[] input = new float[SIZE * SIZE * 3];
        private final BufferedImage square = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);

        private Session(Predictor<NDList, NDList> predictor, NDManager manager) {
            this.predictor = predictor;
            this.manager = manager;
        }

        @Override
        public List<Face> detect(BufferedImage image) {
            double scale = (double) SIZE / Math.max(image.getWidth(), image.getHeight());
            int w = (int) Math.round(image.getWidth() * scale);
            int h = (int) Math.round(image.getHeight() * scale);
            int ox = (SIZE - w) / 2;
            int oy = (SIZE - h) / 2;
            Graphics2D g = square.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.BLACK);
            g.fillRect(0, 0, SIZE, SIZE);
            g.drawImage(image, ox, oy, w, h, null);
            g.dispose();
            byte[] bgr = ((DataBufferByte) square.getRaster().getDataBuffer()).getData();
            for (int i = 0, p = 0; i < SIZE * SIZE; i++, p += 3) {
                // the model takes RGB in -1..1
                input[i * 3] = (bgr[p + 2] & 0xff) / 127.5f - 1f;
                input[i * 3 + 1] = (bgr[p + 1] & 0xff) / 127.5f - 1f;
                input[i * 3 + 2] = (bgr[p] & 0xff) / 127.5f - 1f;
            }
            float[][] raw;
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(input, new Shape(1, SIZE, SIZE, 3));
                NDList out = predictor.predict(new NDList(x));
                raw = new float[][]{out.get(0).toFloatArray(), out.get(1).toFloatArray(), out.get(2).toFloatArray(),
                        out.get(3).toFloatArray()};
            } catch (TranslateException e) {
                throw new IllegalStateException("face detection failed", e);
            }
            List<Face> candidates = new ArrayList<>();
            decode(raw[0], raw[2], 0, candidates);
            decode(raw[1], raw[3], 512, candidates);
            List<Face> kept = nms(candidates);
            List<Face> mapped = new ArrayList<>();
            for (Face f : kept) {
                mapped.add(unletterbox(f, ox, oy, w, h));
            }
            return mapped;
        }

        private void decode(float[] scores, float[] boxes, int anchorOffset, List<Face> out) {
            for (int i = 0; i < scores.length; i++) {
                double score = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, scores[i]))));
                if (score < minScore) {
                    continue;
                }
                float[] a = ANCHORS[anchorOffset + i];
                int b = i * 16;
                double cx = a[0] + boxes[b] / SIZE;
                double cy = a[1] + boxes[b + 1] / SIZE;
                double bw = boxes[b + 2] / SIZE;
                double bh = boxes[b + 3] / SIZE;
                // keypoints: right eye, left eye, nose, mouth, right ear, left ear
                double mx = a[0] + boxes[b + 4 + 3 * 2] / SIZE;
                double my = a[1] + boxes[b + 4 + 3 * 2 + 1] / SIZE;
                out.add(new Face(new Box(cx - bw / 2, cy - bh / 2, bw, bh), score, mx, my));
            }
        }

        /** Weighted NMS as MediaPipe does it: overlapping detections are averaged by score. */
        private List<Face> nms(List<Face> faces) {
            List<Face> sorted = new ArrayList<>(faces);
            sorted.sort(Comparator.comparingDouble(Face::score).reversed());
            List<Face> out = new ArrayList<>();
            boolean[] used = new boolean[sorted.size()];
            for (int i = 0; i < sorted.size(); i++) {
                if (used[i]) {
                    continue;
                }
                Face best = sorted.get(i);
                double sw = 0, x = 0, y = 0, w = 0, h = 0, mx = 0, my = 0;
                for (int j = i; j < sorted.size(); j++) {
                    if (!used[j] && best.box().iou(sorted.get(j).box()) >= nmsIou) {
                        used[j] = true;
                        Face f = sorted.get(j);
                        sw += f.score();
                        x += f.box().x() * f.score();
                        y += f.box().y() * f.score();
                        w += f.box().w() * f.score();
                        h += f.box().h() * f.score();
                        mx += f.mouthX() * f.score();
                        my += f.mouthY() * f.score();
                    }
                }
                out.add(new Face(new Box(x / sw, y / sw, w / sw, h / sw), best.score(), mx / sw, my / sw));
            }
            return out;
        }

        private Face unletterbox(Face f, int ox, int oy, int w, int h) {
            double sx = (double) SIZE / w;
            double sy = (double) SIZE / h;
            double ax = (double) ox / SIZE;
            double ay = (double) oy / SIZE;
            Box b = f.box();
            return new Face(new Box((b.x() - ax) * sx, (b.y() - ay) * sy, b.w() * sx, b.h() * sy), f.score(),
                    (f.mouthX() - ax) * sx, (f.mouthY() - ay) * sy);
        }

        @Override
        public void close() {
            predictor.close();
            manager.close();
            inUse.exit();
        }
    }

    private static float[][] anchors() {
        List<float[]> out = new ArrayList<>();
        int[][] layers = {{16, 2}, {8, 6}};
        for (int[] layer : layers) {
            int n = layer[0];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    for (int k = 0; k < layer[1]; k++) {
                        out.add(new float[]{(x + 0.5f) / n, (y + 0.5f) / n});
                    }
                }
            }
        }
        return out.toArray(float[][]::new);
    }

    @Override
    public void close() {
        inUse.close(model::close);
    }
}
