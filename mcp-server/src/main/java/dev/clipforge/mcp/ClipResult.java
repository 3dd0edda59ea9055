package dev.clipforge.mcp;

import dev.clipforge.api.clips.ClipView;

/** What every clip tool answers: the contract summary first, then the full snapshot REST serves. */
public record ClipResult(ClipOutcome summary, ClipView clip) {
    static ClipResult of(ClipView v) {
        return new ClipResult(ClipOutcome.of(v), v);
    }
}
