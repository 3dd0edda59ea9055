package dev.clipforge.gpu.faces;

import dev.clipforge.common.visual.Box;

/**
 * A detected face: box, confidence, and the mouth keypoint (normalised image coordinates), which the
 * active-speaker analysis watches.
 */
public record Face(Box box, double score, double mouthX, double mouthY) {
}
