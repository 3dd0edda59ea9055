package dev.clipforge.common.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.common.json.Json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Transcripts people upload with an asset: SRT, WebVTT, or ClipForge JSON (word-timed {@code words} or
 * timed {@code segments}, and optionally the {@code language} spoken). Cue text without word times gets
 * provisional word times, spread over the cue by word length, until forced alignment replaces them.
 */
public final class Sidecars {
    /** ISO 639-2's "undetermined": what a transcript records when its file does not say its language. */
    public static final String UNKNOWN_LANGUAGE = "und";
    /** An ISO 639 code with optional BCP 47 subtags: {@code en}, {@code pt-BR}, {@code yue}. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

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
     *
     * @param language what the file says is spoken (JSON {@code language}, a WebVTT {@code Language:} header),
     *                 else {@link #UNKNOWN_LANGUAGE}
     */
    public record Parsed(List<Transcript.Word> words, List<Subtitles.Cue> cues, boolean wordTimed, String language) {
    }

    private Sidecars() {
    }

    /**
     * The text of an uploaded transcript: UTF-8 (with or without a byte-order mark), or UTF-16 with its mark as
     * Windows editors save it.
     *
     * @throws IllegalArgumentException for bytes that are not such text (Latin-1, UTF-16 without a mark, binary)
     */
    public static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the transcript is empty (0 bytes)");
        }
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the transcript is not " + charset.name()
                    + " text: save it as UTF-8 (or UTF-16 with a byte-order mark)");
        }
        if (text.indexOf('\0') >= 0) {
            // ASCII saved as UTF-16 without a byte-order mark decodes as "valid" UTF-8 full of NULs
            throw new IllegalArgumentException("the transcript contains NUL characters (UTF-16 without a byte-order mark, "
                    + "or not text): save it as UTF-8");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("the transcript is empty (only white space)");
        }
        return text;
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
        if (text.isBlank()) {
            throw new IllegalArgumentException("the transcript is empty");
        }
        if (format == Format.JSON) {
            return parseJson(text);
        }
        List<Subtitles.Cue> cues = Subtitles.parse(text);
        String language = format == Format.VTT ? Subtitles.vttLanguage(text).orElse(UNKNOWN_LANGUAGE) : UNKNOWN_LANGUAGE;
        return new Parsed(spread(cues), cues, false, language);
    }

    private static Parsed parseJson(String text) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the JSON transcript is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the JSON transcript must be an object with 'words' or 'segments'");
        }
        String language = language(root.path("language"));
        if (root.path("words").isArray() && !root.path("words").isEmpty()) {
            List<Transcript.Word> words = new ArrayList<>();
            for (JsonNode w : root.path("words")) {
                String t = w.path("text").asText(w.path("word").asText("")).strip();
                String where = "word " + (words.size() + 1) + " ('" + t + "')";
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("word " + (words.size() + 1) + " has no text");
                }
                double[] span = span(w, where);
                if (!words.isEmpty()) {
                    Transcript.Word previous = words.get(words.size() - 1);
                    ordered(where, span[0], previous.start(), previous.end(), "word");
                }
                words.add(new Transcript.Word(t, span[0], span[1], w.path("confidence").asDouble(1.0)));
            }
            return new Parsed(words, List.of(), true, language);
        }
        if (root.path("segments").isArray() && !root.path("segments").isEmpty()) {
            List<Subtitles.Cue> cues = new ArrayList<>();
            int index = 0;
            for (JsonNode s : root.path("segments")) {
                index++;
                String where = "segment " + index;
                double[] span = span(s, where);
                if (!cues.isEmpty()) {
                    Subtitles.Cue previous = cues.get(cues.size() - 1);
                    ordered(where, span[0], previous.start(), previous.end(), "segment");
                    if (span[0] < previous.end()) {
                        cues.set(cues.size() - 1, new Subtitles.Cue(previous.start(), span[0], previous.text()));
                    }
                }
                String said = s.path("text").asText("").strip();
                if (!said.isEmpty()) {
                    cues.add(new Subtitles.Cue(span[0], span[1], said));
                }
            }
            if (cues.isEmpty()) {
                throw new IllegalArgumentException("none of the " + index + " segments has any text");
            }
            return new Parsed(spread(cues), cues, false, language);
        }
        throw new IllegalArgumentException("the JSON transcript has neither a non-empty 'words' nor a non-empty 'segments' list");
    }

    /** A word's or segment's start and end: numbers, not negative, end after start. */
    private static double[] span(JsonNode node, String where) {
        if (!node.path("start").isNumber() || !node.path("end").isNumber()) {
            throw new IllegalArgumentException(where + " needs a numeric start and end (seconds)");
        }
        double start = node.path("start").asDouble();
        double end = node.path("end").asDouble();
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException(where + " has a negative time");
        }
        if (end < start) {
            throw new IllegalArgumentException(where + " ends before it starts");
        }
        return new double[]{start, end};
    }

    private static void ordered(String where, double start, double previousStart, double previousEnd, String unit) {
        if (start < previousStart || start < previousEnd - Subtitles.OVERLAP_TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s starts at %.3f s, before the %s before it %s: %ss must be in time order and must not overlap",
                    where, start, unit, start < previousStart ? "starts" : "ends (" + previousEnd + " s)", unit));
        }
    }

    private static String language(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return UNKNOWN_LANGUAGE;
        }
        String code = node.asText("").strip();
        if (!node.isTextual() || !LANGUAGE.matcher(code).matches()) {
            throw new IllegalArgumentException("'language' must be a language code such as \"en\" or \"pt-BR\", not " + node);
        }
        return code;
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
