package dev.clipforge.common.transcript;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Sidecar transcripts as people upload them: the three formats read right, and every broken file named. */
class SidecarsTest {
    static final String SRT = """
            1
            00:00:01,000 --> 00:00:03,500
            Hello there,
            <i>general</i> Kenobi.

            2
            00:00:04,000 --> 00:00:06,250 X1:40 X2:600
            You are a bold one.
            """;

    static final String VTT = """
            WEBVTT
            Kind: captions
            Language: de

            NOTE written by hand

            intro
            00:01.000 --> 00:03.500 align:start position:10%
            Guten <b>Tag</b>

            00:00:04.000 --> 00:00:06.000
            wie geht's
            """;

    static Sidecars.Parsed parse(String name, String text) {
        return Sidecars.parse(Sidecars.detect(name, text), text);
    }

    @Test
    void srtCuesAreReadWithTagsAndSettingsDropped() {
        Sidecars.Parsed p = parse("talk.srt", SRT);
        assertThat(p.wordTimed()).isFalse();
        assertThat(p.cues()).containsExactly(new Subtitles.Cue(1.0, 3.5, "Hello there, general Kenobi."),
                new Subtitles.Cue(4.0, 6.25, "You are a bold one."));
        assertThat(p.language()).as("SRT cannot say").isEqualTo(Sidecars.UNKNOWN_LANGUAGE);
        assertThat(p.words()).extracting(Transcript.Word::text)
                .containsExactly("Hello", "there,", "general", "Kenobi.", "You", "are", "a", "bold", "one.");
        // provisional word times stay inside their cue, in order
        for (int i = 0; i < p.words().size(); i++) {
            Transcript.Word w = p.words().get(i);
            Subtitles.Cue cue = p.cues().get(i < 4 ? 0 : 1);
            assertThat(w.start()).as(w.text()).isBetween(cue.start(), cue.end());
            assertThat(w.end()).as(w.text()).isBetween(w.start(), cue.end());
        }
        assertThat(p.words()).isSortedAccordingTo((a, b) -> Double.compare(a.start(), b.start()));
    }

    @Test
    void webVttCuesAndItsLanguageHeaderAreRead() {
        Sidecars.Parsed p = parse("talk.vtt", VTT);
        assertThat(p.cues()).containsExactly(new Subtitles.Cue(1.0, 3.5, "Guten Tag"), new Subtitles.Cue(4.0, 6.0, "wie geht's"));
        assertThat(p.language()).isEqualTo("de");
        assertThat(parse("x.vtt", VTT.replace("Language: de\n", "")).language()).isEqualTo(Sidecars.UNKNOWN_LANGUAGE);
    }

    @Test
    void whatWeWriteWeRead() {
        List<Subtitles.Cue> cues = List.of(new Subtitles.Cue(0.5, 2.0, "one two"), new Subtitles.Cue(2.0, 3661.25, "three"));
        assertThat(Subtitles.parse(Subtitles.srt(cues))).isEqualTo(cues);
        assertThat(Subtitles.parse(Subtitles.vtt(cues))).isEqualTo(cues);
    }

    @Test
    void jsonWordsKeepTheirTimesAndLanguage() {
        Sidecars.Parsed p = parse("t.json", """
                {"language": "pt-BR", "words": [
                  {"text": "Olá", "start": 0.5, "end": 0.9, "confidence": 0.8},
                  {"word": "mundo", "start": 0.95, "end": 1.4}]}""");
        assertThat(p.wordTimed()).isTrue();
        assertThat(p.language()).isEqualTo("pt-BR");
        assertThat(p.words()).containsExactly(new Transcript.Word("Olá", 0.5, 0.9, 0.8), new Transcript.Word("mundo", 0.95, 1.4, 1.0));
    }

    @Test
    void jsonSegmentsAreCuesToAlign() {
        Sidecars.Parsed p = parse("t.json", """
                {"segments": [{"start": 0.0, "end": 2.0, "text": "first one"}, {"start": 2.0, "end": 3.0, "text": " "},
                              {"start": 3.0, "end": 4.5, "text": "second"}]}""");
        assertThat(p.wordTimed()).isFalse();
        assertThat(p.language()).isEqualTo(Sidecars.UNKNOWN_LANGUAGE);
        assertThat(p.cues()).containsExactly(new Subtitles.Cue(0.0, 2.0, "first one"), new Subtitles.Cue(3.0, 4.5, "second"));
    }

    @Test
    void aSmallOverlapIsRoundingAndTrimsTheCueBefore() {
        List<Subtitles.Cue> cues = Subtitles.parse("""
                1
                00:00:01,000 --> 00:00:02,050
                a b

                2
                00:00:02,000 --> 00:00:03,000
                c
                """);
        assertThat(cues.get(0).end()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void brokenSubtitlesAreRefusedWithTheReason() {
        assertRefused("talk.srt", "Hello, this is just a text file.\nNo timings anywhere.", "no SRT or WebVTT cues");
        assertRefused("talk.srt", "1\n00:00:01,000 --> soon\nhi\n", "cue 1: cannot read the timing line");
        assertRefused("talk.srt", "1\n-00:00:01,000 --> 00:00:02,000\nhi\n", "cue 1 (-00:00:01,000) has a negative time");
        assertRefused("talk.srt", "1\n00:00:01,000 --> -00:00:02,000\nhi\n", "negative time");
        assertRefused("talk.srt", "1\n00:00:03,000 --> 00:00:02,000\nhi\n", "cue 1 (00:00:03,000) ends before it starts");
        assertRefused("talk.srt", "1\n00:00:03,000 --> 00:00:03,000\nhi\n", "ends when it starts");
        assertRefused("talk.srt", """
                1
                00:00:01,000 --> 00:00:04,000
                one

                2
                00:00:02,000 --> 00:00:05,000
                two
                """, "cue 2 (00:00:02,000) starts 2.00 s before the cue before it ends");
        assertRefused("talk.srt", """
                1
                00:00:05,000 --> 00:00:06,000
                one

                2
                00:00:01,000 --> 00:00:02,000
                two
                """, "cue 2 (00:00:01,000) starts before the cue before it");
        assertRefused("talk.srt", "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\n", "none of the 2 cues has any text");
        assertRefused("talk.vtt", "WEBVTT\n\n", "no SRT or WebVTT cues");
        assertRefused("talk.srt", "   \n\n ", "empty");
    }

    @Test
    void brokenJsonIsRefusedWithTheReason() {
        assertRefused("t.json", "{\"words\": [", "not valid JSON");
        assertRefused("t.json", "[1, 2]", "must be an object");
        assertRefused("t.json", "{\"words\": [], \"segments\": []}", "neither a non-empty 'words' nor a non-empty 'segments'");
        assertRefused("t.json", "{\"words\": [{\"text\": \"a\", \"start\": 1}]}", "word 1 ('a') needs a numeric start and end");
        assertRefused("t.json", "{\"words\": [{\"text\": \"a\", \"start\": \"1\", \"end\": 2}]}", "numeric start");
        assertRefused("t.json", "{\"words\": [{\"text\": \" \", \"start\": 1, \"end\": 2}]}", "word 1 has no text");
        assertRefused("t.json", "{\"words\": [{\"text\": \"a\", \"start\": -1, \"end\": 2}]}", "word 1 ('a') has a negative time");
        assertRefused("t.json", "{\"words\": [{\"text\": \"a\", \"start\": 2, \"end\": 1}]}", "ends before it starts");
        assertRefused("t.json", "{\"words\": [{\"text\": \"a\", \"start\": 2, \"end\": 3}, {\"text\": \"b\", \"start\": 1, \"end\": 1.5}]}",
                "word 2 ('b') starts at 1.000 s, before the word before it starts");
        assertRefused("t.json", "{\"words\": [{\"text\": \"a\", \"start\": 1, \"end\": 3}, {\"text\": \"b\", \"start\": 2, \"end\": 4}]}",
                "before the word before it ends (3.0 s)");
        assertRefused("t.json", "{\"segments\": [{\"start\": 0, \"end\": 5, \"text\": \"a\"}, {\"start\": 1, \"end\": 6, \"text\": \"b\"}]}",
                "segment 2 starts at 1.000 s");
        assertRefused("t.json", "{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"\"}]}", "none of the 1 segments has any text");
        assertRefused("t.json", "{\"language\": \"English!\", \"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"a\"}]}",
                "'language' must be a language code");
        assertRefused("t.json", "{\"language\": 7, \"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"a\"}]}", "language code");
    }

    @Test
    void textIsReadAsUtf8OrMarkedUtf16AndAnythingElseIsRefused() {
        String text = "1\n00:00:01,000 --> 00:00:02,000\nJosé señala\n";
        assertThat(Sidecars.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(Sidecars.decode(concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(text);
        assertThat(Sidecars.decode(concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo(text);
        assertThat(Sidecars.decode(concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE))))
                .isEqualTo(text);

        assertThatThrownBy(() -> Sidecars.decode(text.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not UTF-8 text");
        assertThatThrownBy(() -> Sidecars.decode("1\n00:00:01,000 --> 00:00:02,000\nplain\n".getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> Sidecars.decode(new byte[0])).hasMessageContaining("empty (0 bytes)");
        assertThatThrownBy(() -> Sidecars.decode(" \n\t".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("empty");
    }

    @Test
    void formatIsTakenFromTheNameOrTheContent() {
        assertThat(Sidecars.detect("a.json", "x")).isEqualTo(Sidecars.Format.JSON);
        assertThat(Sidecars.detect(null, "  {\"words\": []}")).isEqualTo(Sidecars.Format.JSON);
        assertThat(Sidecars.detect("a.vtt", "x")).isEqualTo(Sidecars.Format.VTT);
        assertThat(Sidecars.detect("transcript", "WEBVTT\n")).isEqualTo(Sidecars.Format.VTT);
        assertThat(Sidecars.detect("a.txt", "1\n00:00:01,000 --> 00:00:02,000\n")).isEqualTo(Sidecars.Format.SRT);
    }

    private static void assertRefused(String name, String text, String reason) {
        assertThatThrownBy(() -> parse(name, text)).as(text).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
