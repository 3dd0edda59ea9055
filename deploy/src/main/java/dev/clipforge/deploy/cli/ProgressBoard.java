package dev.clipforge.deploy.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One progress line per clip run. On a terminal the lines are redrawn in place; otherwise a line is
 * printed whenever a run's stage changes, so logs stay readable.
 */
final class ProgressBoard {
    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, String> lines = new LinkedHashMap<>();
    private final Map<String, String> lastStage = new LinkedHashMap<>();
    private int drawn;

    ProgressBoard(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void update(String name, String stage, int percent, String note) {
        int filled = Math.max(0, Math.min(BAR, percent * BAR / 100));
        String line = String.format(Locale.ROOT, "%-10s [%s%s] %3d%%  %-12s %s", name, "#".repeat(filled),
                "-".repeat(BAR - filled), percent, stage, note == null ? "" : note);
        lines.put(name, line);
        if (terminal) {
            redraw();
        } else if (!stage.equals(lastStage.get(name))) {
            lastStage.put(name, stage);
            out.println(line);
        }
    }

    synchronized void message(String text) {
        if (terminal && drawn > 0) {
            out.print("\033[" + drawn + "F\033[J");
            drawn = 0;
        }
        out.println(text);
        if (terminal) {
            redraw();
        }
    }

    private void redraw() {
        if (drawn > 0) {
            out.print("\033[" + drawn + "F");
        }
        for (String l : lines.values()) {
            out.print("\033[2K" + l + "\n");
        }
        drawn = lines.size();
        out.flush();
    }
}
