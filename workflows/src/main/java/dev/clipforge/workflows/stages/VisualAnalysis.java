package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.ClipWindow;

/**
 * Faces, tracks, speakers and shots of an analysed range, stored under {@code objectKey}.
 *
 * @param talkingHead faces are the subject (podcast, interview): letterboxing is not acceptable
 */
public record VisualAnalysis(String objectKey, ClipWindow analysedWindow, int faceTracks, double faceCoverage,
                             boolean talkingHead) {
}
