package dev.clipforge.common.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.common.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Transcripts people upload with an asset: SRT, WebVTT, or ClipForge JSON (word-timed {@code words} or
 * timed {@code segments}). Cue text without word times gets provisional word times, spread over the cue
 * by word length, until forced alignment replaces them.
 */
public final class Sidecars {
    public enum Format {
        SRT("srt"), VTT("vtt"), JSON("json");

        public final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    /**
     * A parsed sidecar: its words, with times from the file ({@code wordTimed}), or else its cues, whose
     * words the transcribe stage aligns to the audio ({@code words} are then the cue time shared by length).
     */
    public record Parsed(List<Transcript.Word> words, List<Subtitles.Cue> cues, boolean wordTimed) {
    }

    private Sidecars() {
    }

    public static Format detect(String filename, String text) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        String head = text.stripLeading();
        if (name.endsWith(".json") || head.startsWith("{")) {
            return Format.JSON;
        }
        if (name.endsWith(".vtt") || head.startsWith("WEBVTT") || head.startsWith("\uFEFFWEBVTT")) {
            return Format.VTT;
        }
        return Format.SRT;
    }

    /** @throws IllegalArgumentException with a reason a person can act on */
    public static Parsed parse(Format format, String text) {
        if (format == Format.JSON) {
            return parseJson(text);
        }
        List<Subtitles.Cue> cues = Subtitles.parse(text);
        return new Parsed(spread(cues), cues, false);
    }

    private static Parsed parseJson(String text) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("the JSON transcript is not valid JSON: " + e.getMessage());
        }
        if (root.path("words").isArray() && !root.path("words").isEmpty()) {
            List<Transcript.Word> words = new ArrayList<>();
            for (JsonNode w : root.path("words")) {
                String t = w.path("text").asText(w.path("word").asText(""));
                if (!w.has("start") || !w.has("end") || t.isBlank()) {
                    throw new IllegalArgumentException("every word needs text, start and end");
                }
                double start = w.path("start").asDouble();
                double end = w.path("end").asDouble();
                if (end < start || start < 0) {
                    throw new IllegalArgumentException("word '" + t + "' has end before start or a negative time");
                }
                words.add(new Transcript.Word(t, start, end, w.path("confidence").asDouble(1.0)));
            }
            return new Parsed(words, List.of(), true);
        }
        if (root.path("segments").isArray() && !root.path("segments").isEmpty()) {
            List<Subtitles.Cue> cues = new ArrayList<>();
            for (JsonNode s : root.path("segments")) {
                cues.add(new Subtitles.Cue(s.path("start").asDouble(), s.path("end").asDouble(), s.path("text").asText()));
            }
            return new Parsed(spread(cues), cues, false);
        }
        throw new IllegalArgumentException("the JSON transcript has neither 'words' nor 'segments'");
    }

    /** Spreads each cue's words over its time in proportion to their length. */
    public static List<Transcript.Word> spread(List<Subtitles.Cue> cues) {
        List<Transcript.Word> out = new ArrayList<>();
        for (Subtitles.Cue c : cues) {
            String[] tokens = c.text().trim().split("\\s+");
            int letters = 0;
            for (String t : tokens) {
                letters += t.length() + 1;
            }
            double t = c.start();
            double perLetter = (c.end() - c.start()) / Math.max(1, letters);
            for (String token : tokens) {
                if (token.isBlank()) {
                    continue;
                }
                double end = t + (token.length() + 1) * perLetter;
                out.add(new Transcript.Word(token, t, Math.min(c.end(), end - perLetter * 0.5), 1.0));
                t = end;
            }
        }
        return out;
    }
}
