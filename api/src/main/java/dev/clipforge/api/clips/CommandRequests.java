package dev.clipforge.api.clips;

/** Bodies of the clip commands. */
public final class CommandRequests {
    private CommandRequests() {
    }

    public record Reselect(String selectionMode, String suggestionId, Double startSeconds, Double endSeconds) {
    }

    public record Repair(String mode) {
    }

    public record Export(String quality) {
    }
}
