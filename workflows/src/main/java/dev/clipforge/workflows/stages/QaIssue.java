package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.RepairMode;
import dev.clipforge.workflows.run.Severity;

/**
 * One measured finding of visual QA.
 *
 * @param value     what was measured
 * @param threshold the limit it was held to
 * @param repair    the repair mode that addresses it, or null when only a reselect can
 */
public record QaIssue(String code, Severity severity, String message, Double atSeconds, Double value,
                      Double threshold, RepairMode repair) {
}
