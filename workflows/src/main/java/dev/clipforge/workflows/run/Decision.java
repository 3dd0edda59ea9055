package dev.clipforge.workflows.run;

/** What {@link NextActionRules} concluded: the three contract fields and the stage to show as progress. */
public record Decision(RunStatus status, NextAction nextAction, BlockingReason blockingReason, Stage stage) {
}
