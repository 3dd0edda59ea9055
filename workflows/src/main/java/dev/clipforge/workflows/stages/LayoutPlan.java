package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.AppliedLayout;

import java.util.List;

/**
 * A 9:16 reframe plan (crop path per shot), stored under {@code objectKey}.
 *
 * @param letterboxRejected the planner could only letterbox talking-head content under {@code layout_mode=auto}
 */
public record LayoutPlan(String objectKey, AppliedLayout appliedMode, AppliedLayout primaryLayout, boolean fallbackUsed,
                         List<String> warnings, boolean letterboxRejected) {
}
