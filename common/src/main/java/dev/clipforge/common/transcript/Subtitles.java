package dev.clipforge.common.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SRT and WebVTT: written for transcripts and captions, read for sidecar transcripts. */
public final class Subtitles {
    private static final Pattern TIMING = Pattern.compile(
            "((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})");

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

    /** Reads SRT or WebVTT cues; throws IllegalArgumentException with a reason when it is neither. */
    public static List<Cue> parse(String text) {
        List<Cue> cues = new ArrayList<>();
        String[] blocks = text.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("^\uFEFF", "").split("\n\\s*\n");
        for (String block : blocks) {
            String[] lines = block.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher m = TIMING.matcher(lines[i]);
                if (m.find()) {
                    StringBuilder body = new StringBuilder();
                    for (int j = i + 1; j < lines.length; j++) {
                        if (body.length() > 0) {
                            body.append(' ');
                        }
                        body.append(lines[j].replaceAll("<[^>]+>", "").strip());
                    }
                    double start = seconds(m.group(1));
                    double end = seconds(m.group(2));
                    if (end < start) {
                        throw new IllegalArgumentException("cue ends before it starts at " + m.group(1));
                    }
                    if (!body.toString().isBlank()) {
                        cues.add(new Cue(start, end, body.toString().strip()));
                    }
                    break;
                }
            }
        }
        if (cues.isEmpty()) {
            throw new IllegalArgumentException("no SRT or WebVTT cues found");
        }
        return cues;
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
