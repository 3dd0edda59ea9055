package dev.clipforge.workflows.run;

/** The commands people and agents send to a run, each a Temporal Update with a validator. */
public final class Commands {
    /** Update failure type: the command is not allowed in the run's current state (HTTP 409). */
    public static final String WRONG_STATE = "wrong_state";
    /** Update failure type: the command is well formed but impossible for this run (HTTP 422). */
    public static final String UNPROCESSABLE = "unprocessable";

    private Commands() {
    }

    /** Why a command was refused: {@link #WRONG_STATE} or {@link #UNPROCESSABLE}, and a message for the caller. */
    public record Rejection(String code, String message) {
        private static final java.util.regex.Pattern TAGGED = java.util.regex.Pattern.compile("^\\[(\\w+)] (.*)$",
                java.util.regex.Pattern.DOTALL);

        /**
         * A validator's failure as the SDK raises it. Temporal 1.38 re-serialises validator failures and loses
         * their type (temporalio/sdk-java#2875), so the code also travels as a {@code [code]} message prefix.
         */
        public static java.util.Optional<Rejection> of(io.temporal.failure.ApplicationFailure failure) {
            java.util.regex.Matcher m = TAGGED.matcher(String.valueOf(failure.getOriginalMessage()));
            if (m.matches() && (WRONG_STATE.equals(m.group(1)) || UNPROCESSABLE.equals(m.group(1)))) {
                return java.util.Optional.of(new Rejection(m.group(1), m.group(2)));
            }
            if (WRONG_STATE.equals(failure.getType()) || UNPROCESSABLE.equals(failure.getType())) {
                return java.util.Optional.of(new Rejection(failure.getType(), failure.getOriginalMessage()));
            }
            return java.util.Optional.empty();
        }

        io.temporal.failure.ApplicationFailure toFailure() {
            return io.temporal.failure.ApplicationFailure.newFailure("[" + code + "] " + message, code);
        }
    }

    public record Reselect(SelectionMode selectionMode, String suggestionId, Double startSeconds, Double endSeconds) {
        ClipRunSpec.Selection asSelection() {
            return new ClipRunSpec.Selection(selectionMode, suggestionId, startSeconds, endSeconds);
        }
    }

    public record Repair(RepairMode mode) {
    }

    public record Export(Quality quality) {
    }
}
