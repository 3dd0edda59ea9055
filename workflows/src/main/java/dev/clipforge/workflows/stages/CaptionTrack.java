package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.StageStatus;

import java.util.List;

/**
 * Timed, placed caption cues for one window in clip time, plus SRT and WebVTT sidecars.
 *
 * @param status READY, or NOT_APPLICABLE when captions are off or there is no speech
 */
public record CaptionTrack(StageStatus status, String objectKey, String srtKey, String vttKey, int cueCount,
                           List<String> warnings) {
}
