package dev.clipforge.workflows.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.clipforge.workflows.run.StageStatus.FAILED;
import static dev.clipforge.workflows.run.StageStatus.NOT_APPLICABLE;
import static dev.clipforge.workflows.run.StageStatus.PENDING;
import static dev.clipforge.workflows.run.StageStatus.READY;
import static dev.clipforge.workflows.run.StageStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

class NextActionRulesTest {

    /** A run at the start of the pipeline, with fluent changes. */
    record S(RunState s) {
        static S fresh() {
            return new S(RunState.initial(QaMode.REQUIRED, 1));
        }

        static S atQa() {
            return fresh().source(READY).transcript(READY).suggestions(READY).analysis(READY).layout(READY)
                    .captions(READY).render(READY);
        }

        S with(java.util.function.UnaryOperator<Builder> change) {
            return new S(change.apply(new Builder(s)).build());
        }

        S source(StageStatus v) { return with(b -> { b.source = v; return b; }); }
        S transcript(StageStatus v) { return with(b -> { b.transcript = v; return b; }); }
        S suggestions(StageStatus v) { return with(b -> { b.suggestions = v; return b; }); }
        S invalidSelection() { return with(b -> { b.selectionInvalid = true; return b; }); }
        S analysis(StageStatus v) { return with(b -> { b.analysis = v; return b; }); }
        S layout(StageStatus v) { return with(b -> { b.layout = v; return b; }); }
        S letterboxRejected() { return with(b -> { b.letterboxRejected = true; return b; }); }
        S captions(StageStatus v) { return with(b -> { b.captions = v; return b; }); }
        S render(StageStatus v) { return with(b -> { b.render = v; return b; }); }
        S qa(QaStatus v) { return with(b -> { b.qa = v; return b; }); }
        S qaMode(QaMode v) { return with(b -> { b.qaMode = v; return b; }); }
        S repairs(int used) { return with(b -> { b.repairs = used; return b; }); }
        S export(ExportStatus v) { return with(b -> { b.export = v; return b; }); }
        S failed() { return with(b -> { b.failed = true; return b; }); }
        S cancelled() { return with(b -> { b.cancelled = true; return b; }); }
        S queued() { return with(b -> { b.queued = true; return b; }); }
        S unrepairable() { return with(b -> { b.qaRepairable = false; return b; }); }
    }

    static final class Builder {
        boolean cancelled, failed, queued, selectionInvalid, letterboxRejected, qaRepairable;
        StageStatus source, transcript, suggestions, analysis, layout, captions, render;
        QaStatus qa;
        QaMode qaMode;
        int repairs, maxRepairs;
        ExportStatus export;

        Builder(RunState s) {
            cancelled = s.cancelled(); failed = s.failed(); queued = s.queued(); source = s.source(); transcript = s.transcript();
            suggestions = s.suggestions(); selectionInvalid = s.selectionInvalid(); analysis = s.analysis();
            layout = s.layout(); letterboxRejected = s.letterboxRejected(); captions = s.captions();
            render = s.render(); qa = s.qa(); qaMode = s.qaMode(); repairs = s.repairPassesUsed();
            maxRepairs = s.maxRepairPasses(); export = s.export(); qaRepairable = s.qaRepairable();
        }

        RunState build() {
            return new RunState(cancelled, failed, queued, source, transcript, suggestions, selectionInvalid, analysis, layout,
                    letterboxRejected, captions, render, qa, qaMode, repairs, maxRepairs, export, qaRepairable);
        }
    }

    static Stream<Arguments> decisionTable() {
        return Stream.of(
                // source not uploaded/ingested yet
                row("source pending", S.fresh(), RunStatus.INGESTING, NextAction.POLL, BlockingReason.SOURCE_NOT_READY),
                row("source ingesting", S.fresh().source(RUNNING), RunStatus.INGESTING, NextAction.POLL, BlockingReason.SOURCE_NOT_READY),
                // transcript or suggestions not ready
                row("transcribing", S.fresh().source(READY).transcript(RUNNING), RunStatus.TRANSCRIBING, NextAction.POLL, BlockingReason.SUGGESTIONS_NOT_READY),
                row("suggesting", S.fresh().source(READY).transcript(READY).suggestions(RUNNING), RunStatus.SUGGESTING, NextAction.POLL, BlockingReason.SUGGESTIONS_NOT_READY),
                row("no audio: suggesting", S.fresh().source(READY).transcript(NOT_APPLICABLE), RunStatus.SUGGESTING, NextAction.POLL, BlockingReason.SUGGESTIONS_NOT_READY),
                // visual analysis not ready
                row("analyzing", S.fresh().source(READY).transcript(READY).suggestions(READY).analysis(RUNNING), RunStatus.ANALYZING, NextAction.POLL, BlockingReason.ANALYSIS_NOT_READY),
                // layout, captions, render, QA running
                row("layout", S.atQa().layout(RUNNING).captions(PENDING).render(PENDING), RunStatus.LAYOUT, NextAction.POLL, null),
                row("captions", S.atQa().captions(RUNNING).render(PENDING), RunStatus.CAPTIONING, NextAction.POLL, null),
                row("render", S.atQa().render(RUNNING), RunStatus.RENDERING, NextAction.POLL, null),
                row("qa", S.atQa().qa(QaStatus.RUNNING), RunStatus.QA, NextAction.POLL, null),
                // invalid selection
                row("invalid selection", S.fresh().source(READY).transcript(READY).suggestions(READY).invalidSelection(), RunStatus.BLOCKED, NextAction.RESELECT, BlockingReason.INVALID_SELECTION),
                // letterbox rejected
                row("letterbox rejected", S.atQa().letterboxRejected().captions(PENDING).render(PENDING), RunStatus.BLOCKED, NextAction.RESELECT, BlockingReason.LETTERBOX_REJECTED),
                // QA critical, required, no repair used
                row("qa failed, repair left", S.atQa().qa(QaStatus.FAILED), RunStatus.BLOCKED, NextAction.REPAIR, BlockingReason.VISUAL_QA_FAILED),
                // QA still critical after the repair
                row("qa failed after repair", S.atQa().qa(QaStatus.FAILED).repairs(1), RunStatus.BLOCKED, NextAction.RESELECT, BlockingReason.VISUAL_QA_FAILED),
                // QA critical, but no finding names a repair (black frames in the source): only a reselect helps
                row("qa failed, nothing to repair", S.atQa().qa(QaStatus.FAILED).unrepairable(), RunStatus.BLOCKED, NextAction.RESELECT, BlockingReason.VISUAL_QA_FAILED),
                // QA passed, or permissive with warnings
                row("qa passed", S.atQa().qa(QaStatus.PASSED), RunStatus.READY, NextAction.EXPORT, null),
                row("qa warnings", S.atQa().qa(QaStatus.WARNINGS), RunStatus.READY, NextAction.EXPORT, null),
                row("qa failed, permissive", S.atQa().qa(QaStatus.FAILED).qaMode(QaMode.PERMISSIVE), RunStatus.READY, NextAction.EXPORT, null),
                row("captions off", S.atQa().captions(NOT_APPLICABLE).qa(QaStatus.PASSED), RunStatus.READY, NextAction.EXPORT, null),
                // export running, exported
                row("exporting", S.atQa().qa(QaStatus.PASSED).export(ExportStatus.RUNNING), RunStatus.EXPORTING, NextAction.POLL, null),
                row("exported", S.atQa().qa(QaStatus.PASSED).export(ExportStatus.COMPLETED), RunStatus.EXPORTED, NextAction.STOP, null),
                // failed, cancelled
                row("failed", S.fresh().source(READY).transcript(FAILED).failed(), RunStatus.FAILED, NextAction.STOP, null),
                row("cancelled", S.atQa().render(RUNNING).cancelled(), RunStatus.CANCELLED, NextAction.STOP, null),
                // waiting for one of the organisation's concurrent-run slots
                row("queued before transcribing", S.fresh().source(READY).queued(), RunStatus.QUEUED, NextAction.POLL, BlockingReason.RUN_LIMIT_REACHED),
                row("queued for an export", S.atQa().qa(QaStatus.PASSED).export(ExportStatus.RUNNING).queued(), RunStatus.QUEUED, NextAction.POLL, BlockingReason.RUN_LIMIT_REACHED),
                row("cancelled while queued", S.fresh().source(READY).queued().cancelled(), RunStatus.CANCELLED, NextAction.STOP, null));
    }

    private static Arguments row(String name, S state, RunStatus status, NextAction action, BlockingReason reason) {
        return Arguments.of(name, state.s(), status, action, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionTable")
    void followsTheDecisionTable(String name, RunState state, RunStatus status, NextAction action, BlockingReason reason) {
        Decision d = NextActionRules.decide(state);
        assertThat(d.status()).as("status").isEqualTo(status);
        assertThat(d.nextAction()).as("next_action").isEqualTo(action);
        assertThat(d.blockingReason()).as("blocking_reason").isEqualTo(reason);
    }

    /**
     * Every state the workflow can reach: stages finish in order, so a state is the first unfinished stage,
     * its status, and what came before it; after QA, its verdict, the mode, repairs used and the export.
     */
    static List<RunState> reachableStates() {
        List<RunState> out = new ArrayList<>();
        List<StageStatus> open = List.of(PENDING, RUNNING, FAILED);
        for (StageStatus st : open) {
            out.add(S.fresh().source(st).with(failedIf(st)).s());
        }
        for (StageStatus transcript : List.of(READY, NOT_APPLICABLE)) {
            for (StageStatus st : open) {
                out.add(S.fresh().source(READY).transcript(st).with(failedIf(st)).s());
                out.add(S.fresh().source(READY).transcript(transcript).suggestions(st).with(failedIf(st)).s());
            }
            S selected = S.fresh().source(READY).transcript(transcript).suggestions(READY);
            out.add(selected.invalidSelection().s());
            for (StageStatus st : open) {
                out.add(selected.analysis(st).with(failedIf(st)).s());
                out.add(selected.analysis(READY).layout(st).with(failedIf(st)).s());
            }
            out.add(selected.analysis(READY).layout(READY).letterboxRejected().s());
            for (StageStatus captionsDone : List.of(READY, NOT_APPLICABLE)) {
                S laidOut = selected.analysis(READY).layout(READY);
                for (StageStatus st : open) {
                    if (captionsDone == READY) {
                        out.add(laidOut.captions(st).with(failedIf(st)).s());
                    }
                    out.add(laidOut.captions(captionsDone).render(st).with(failedIf(st)).s());
                }
                S rendered = laidOut.captions(captionsDone).render(READY);
                out.add(rendered.qa(QaStatus.PENDING).s());
                out.add(rendered.qa(QaStatus.RUNNING).s());
                for (QaStatus verdict : List.of(QaStatus.PASSED, QaStatus.WARNINGS, QaStatus.FAILED)) {
                    for (QaMode mode : QaMode.values()) {
                        for (int repairs = 0; repairs <= 1; repairs++) {
                            for (ExportStatus export : ExportStatus.values()) {
                                S s = rendered.qa(verdict).qaMode(mode).repairs(repairs).export(export);
                                out.add(export == ExportStatus.FAILED ? s.failed().s() : s.s());
                                if (verdict == QaStatus.FAILED && export == ExportStatus.NOT_STARTED) {
                                    out.add(s.unrepairable().s());
                                }
                            }
                        }
                    }
                }
            }
        }
        List<RunState> withCancel = new ArrayList<>(out);
        out.stream().filter(s -> !s.failed()).map(s -> new S(s).cancelled().s()).forEach(withCancel::add);
        // a run waits for a slot before transcribing, before running the pipeline and before exporting
        out.stream().filter(s -> !s.failed() && !s.cancelled() && s.source() == READY && s.export() != ExportStatus.COMPLETED)
                .map(s -> new S(s).queued().s()).forEach(withCancel::add);
        return withCancel;
    }

    private static java.util.function.UnaryOperator<Builder> failedIf(StageStatus st) {
        return b -> {
            b.failed = st == FAILED;
            return b;
        };
    }

    @Test
    void everyReachableStateGetsTheDecisionOfItsFirstUnfinishedStage() {
        List<RunState> states = reachableStates();
        assertThat(states).hasSizeGreaterThan(300);
        for (RunState s : states) {
            assertThat(NextActionRules.decide(s)).as(s.toString()).isEqualTo(expected(s));
        }
    }

    /** The contract restated as a walk along the stages, independent of the rules' own ordering code. */
    private static Decision expected(RunState s) {
        if (s.cancelled()) return new Decision(RunStatus.CANCELLED, NextAction.STOP, null, null);
        if (s.failed()) return new Decision(RunStatus.FAILED, NextAction.STOP, null, null);
        if (s.queued()) return new Decision(RunStatus.QUEUED, NextAction.POLL, BlockingReason.RUN_LIMIT_REACHED, null);
        if (s.export() == ExportStatus.COMPLETED) return new Decision(RunStatus.EXPORTED, NextAction.STOP, null, Stage.EXPORT);
        if (s.export() == ExportStatus.RUNNING) return new Decision(RunStatus.EXPORTING, NextAction.POLL, null, Stage.EXPORT);
        record Gate(boolean open, RunStatus status, NextAction action, BlockingReason reason, Stage stage) {
        }
        boolean qaBlocks = s.qa() == QaStatus.FAILED && s.qaMode() == QaMode.REQUIRED;
        List<Gate> gates = List.of(
                new Gate(!s.source().done(), RunStatus.INGESTING, NextAction.POLL, BlockingReason.SOURCE_NOT_READY, Stage.INGEST),
                new Gate(!s.transcript().done(), RunStatus.TRANSCRIBING, NextAction.POLL, BlockingReason.SUGGESTIONS_NOT_READY, Stage.TRANSCRIBE),
                new Gate(!s.suggestions().done(), RunStatus.SUGGESTING, NextAction.POLL, BlockingReason.SUGGESTIONS_NOT_READY, Stage.SUGGEST),
                new Gate(s.selectionInvalid(), RunStatus.BLOCKED, NextAction.RESELECT, BlockingReason.INVALID_SELECTION, Stage.SELECT),
                new Gate(!s.analysis().done(), RunStatus.ANALYZING, NextAction.POLL, BlockingReason.ANALYSIS_NOT_READY, Stage.ANALYZE),
                new Gate(s.letterboxRejected(), RunStatus.BLOCKED, NextAction.RESELECT, BlockingReason.LETTERBOX_REJECTED, Stage.LAYOUT),
                new Gate(!s.layout().done(), RunStatus.LAYOUT, NextAction.POLL, null, Stage.LAYOUT),
                new Gate(!s.captions().done(), RunStatus.CAPTIONING, NextAction.POLL, null, Stage.CAPTIONS),
                new Gate(!s.render().done(), RunStatus.RENDERING, NextAction.POLL, null, Stage.RENDER),
                new Gate(!s.qa().verdict(), RunStatus.QA, NextAction.POLL, null, Stage.QA),
                new Gate(qaBlocks && s.repairPassesUsed() < s.maxRepairPasses() && s.qaRepairable(), RunStatus.BLOCKED, NextAction.REPAIR, BlockingReason.VISUAL_QA_FAILED, Stage.QA),
                new Gate(qaBlocks, RunStatus.BLOCKED, NextAction.RESELECT, BlockingReason.VISUAL_QA_FAILED, Stage.QA));
        return gates.stream().filter(Gate::open).findFirst()
                .map(g -> new Decision(g.status(), g.action(), g.reason(), g.stage()))
                .orElse(new Decision(RunStatus.READY, NextAction.EXPORT, null, Stage.QA));
    }

    @Test
    void contractInvariantsHoldInEveryReachableState() {
        Set<BlockingReason> pollReasons = EnumSet.of(BlockingReason.SOURCE_NOT_READY, BlockingReason.SUGGESTIONS_NOT_READY,
                BlockingReason.ANALYSIS_NOT_READY, BlockingReason.RUN_LIMIT_REACHED);
        for (RunState s : reachableStates()) {
            Decision d = NextActionRules.decide(s);
            assertThat(d.status().terminal()).as("terminal iff stop: %s", s).isEqualTo(d.nextAction() == NextAction.STOP);
            assertThat(d.status() == RunStatus.BLOCKED).as("blocked iff reselect/repair: %s", s)
                    .isEqualTo(d.nextAction() == NextAction.RESELECT || d.nextAction() == NextAction.REPAIR);
            if (d.status() == RunStatus.BLOCKED) {
                assertThat(d.blockingReason()).as("blocked has a reason: %s", s).isNotNull();
            }
            if (d.nextAction() == NextAction.POLL && d.blockingReason() != null) {
                assertThat(pollReasons).contains(d.blockingReason());
            }
            if (d.nextAction() == NextAction.REPAIR) {
                assertThat(s.repairPassesUsed()).isLessThan(s.maxRepairPasses());
                assertThat(s.qaRepairable()).as("repair is offered only for a finding a repair addresses").isTrue();
            }
            if (d.nextAction() == NextAction.EXPORT) {
                assertThat(s.qa().verdict()).isTrue();
                assertThat(s.qa() != QaStatus.FAILED || s.qaMode() == QaMode.PERMISSIVE).isTrue();
            }
        }
    }
}
