package dev.clipforge.common.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SRT and WebVTT: written for transcripts and captions, read for sidecar transcripts. */
public final class Subtitles {
    /** A timing line: start and end, each optionally signed (so a negative time is named, not misread), then cue settings. */
    private static final Pattern TIMING = Pattern.compile(
            "(-?)((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*(-?)((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})(?:\\s+.*)?");
    private static final Pattern VTT_LANGUAGE = Pattern.compile("(?m)^Language:\\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\\s*$");
    /** Editors round cue times; an overlap this small is rounding, not two cues at once. */
    public static final double OVERLAP_TOLERANCE = 0.1;

    private Subtitles() {
    }

    /** One timed block of text. */
    public record Cue(double start, double end, String text) {
    }

    public static String srt(List<Cue> cues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            out.append(i + 1).append('\n').append(time(c.start(), ',')).append(" --> ").append(time(c.end(), ','))
                    .append('\n').append(c.text()).append("\n\n");
        }
        return out.toString();
    }

    public static String vtt(List<Cue> cues) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (Cue c : cues) {
            out.append(time(c.start(), '.')).append(" --> ").append(time(c.end(), '.')).append('\n')
                    .append(c.text()).append("\n\n");
        }
        return out.toString();
    }

    static String time(double seconds, char separator) {
        long ms = Math.round(Math.max(0, seconds) * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                separator, ms % 1000);
    }

    /**
     * Reads SRT or WebVTT cues, in time order. Cues may touch; one that starts a little (up to
     * {@link #OVERLAP_TOLERANCE}) before the previous ends trims that one, as editors' rounding does.
     *
     * @throws IllegalArgumentException with the cue and the reason when the text is not subtitles a
     *                                  transcript can be made of: no cues, a negative time, a cue that ends
     *                                  before it starts, cues out of order or overlapping, no text at all
     */
    public static List<Cue> parse(String text) {
        List<Cue> cues = new ArrayList<>();
        String[] blocks = text.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("^\uFEFF", "").split("\n\\s*\n");
        int timed = 0;
        for (String block : blocks) {
            String[] lines = block.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].contains("-->")) {
                    continue;
                }
                timed++;
                Matcher m = TIMING.matcher(lines[i].strip());
                if (!m.matches()) {
                    throw new IllegalArgumentException("cue " + timed + ": cannot read the timing line '" + lines[i].strip()
                            + "' (want 00:01:02,500 --> 00:01:04,000)");
                }
                if (!m.group(1).isEmpty() || !m.group(3).isEmpty()) {
                    throw new IllegalArgumentException("cue " + timed + " (" + m.group(1) + m.group(2) + ") has a negative time");
                }
                double start = seconds(m.group(2));
                double end = seconds(m.group(4));
                if (end <= start) {
                    throw new IllegalArgumentException("cue " + timed + " (" + m.group(2) + ") ends "
                            + (end == start ? "when" : "before") + " it starts");
                }
                StringBuilder body = new StringBuilder();
                for (int j = i + 1; j < lines.length; j++) {
                    String line = lines[j].replaceAll("<[^>]+>", "").strip();
                    if (!line.isEmpty()) {
                        body.append(body.length() > 0 ? " " : "").append(line);
                    }
                }
                if (!cues.isEmpty()) {
                    Cue previous = cues.get(cues.size() - 1);
                    if (start < previous.start() || start < previous.end() - OVERLAP_TOLERANCE) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "cue %d (%s) starts %s: cues must be in time order and must not overlap", timed, m.group(2),
                                start < previous.start() ? "before the cue before it"
                                        : String.format(Locale.ROOT, "%.2f s before the cue before it ends", previous.end() - start)));
                    }
                    if (start < previous.end()) {
                        cues.set(cues.size() - 1, new Cue(previous.start(), start, previous.text()));
                    }
                }
                if (body.length() > 0) {
                    cues.add(new Cue(start, end, body.toString()));
                }
                break;
            }
        }
        if (timed == 0) {
            throw new IllegalArgumentException("no SRT or WebVTT cues found (no line like 00:00:01,000 --> 00:00:02,500)");
        }
        if (cues.isEmpty()) {
            throw new IllegalArgumentException("none of the " + timed + " cues has any text");
        }
        return cues;
    }

    /** The language a WebVTT header names ({@code Language: de}, as YouTube writes), if any. */
    public static Optional<String> vttLanguage(String text) {
        String header = text.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("^\uFEFF", "").split("\n\\s*\n", 2)[0];
        if (!header.startsWith("WEBVTT")) {
            return Optional.empty();
        }
        Matcher m = VTT_LANGUAGE.matcher(header);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static double seconds(String t) {
        String[] parts = t.replace(',', '.').split(":");
        double s = Double.parseDouble(parts[parts.length - 1]);
        if (parts.length >= 2) {
            s += Integer.parseInt(parts[parts.length - 2]) * 60;
        }
        if (parts.length >= 3) {
            s += Integer.parseInt(parts[parts.length - 3]) * 3600;
        }
        return s;
    }
}
