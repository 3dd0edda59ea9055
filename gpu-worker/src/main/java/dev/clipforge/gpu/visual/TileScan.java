package dev.clipforge.gpu.visual;

import dev.clipforge.common.visual.Box;

import java.util.List;

/**
 * The raw findings of scanning one tile (a fixed stretch of the source): faces on sampled frames,
 * mouth-region motion of the most recently detected faces on every frame, and the picture change between
 * consecutive frames. Tiles are cached per asset, so analysing a new window only scans tiles not yet seen.
 *
 * @param motion     per frame: time, then one motion value per face of the latest sample (in its order)
 * @param change     per frame: time and mean absolute change of a small grey thumbnail since the last frame
 */
public record TileScan(double start, double end, int width, int height, double fps, List<SampleFaces> samples,
                       List<double[]> motion, List<double[]> change) {

    public record DetectedFace(Box box, double score, double mouthX, double mouthY) {
    }

    /** @param index position of this sample within the tile, which {@code motion} rows refer to */
    public record SampleFaces(int index, double t, List<DetectedFace> faces) {
    }
}
