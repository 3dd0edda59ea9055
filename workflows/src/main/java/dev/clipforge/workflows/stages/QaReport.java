package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.QaStatus;

import java.util.List;

/**
 * @param outcome        PASSED, WARNINGS or FAILED
 * @param visualDebugKey a PNG contact sheet of sampled moments, or null
 */
public record QaReport(QaStatus outcome, List<QaIssue> issues, String visualDebugKey) {
}
