package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.Podcasts;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.transcript.Subtitles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transcript uploaded with the video wins over speech recognition: the two-person podcast with its
 * LibriVox reference text as SRT, WebVTT and ClipForge JSON, each cue timed where the sentence was placed.
 * Sphinx would not get these sentences word for word (WER about 0.3), so the exact text shows whose words
 * these are; the aligner gives each word its time inside its cue.
 */
class SidecarTranscriptTest {
    /** The aligner listens this far either side of a cue, for cue times a little off. */
    static final double ALIGNER_PAD = 0.25;

    static Stack stack;
    static Api api;
    static ObjectStore store;
    static Podcasts.Made podcast;
    static List<Subtitles.Cue> cues;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        api = new Api(stack);
        store = stack.bean(ObjectStore.class);
        podcast = TestVideos.podcast();
        cues = new ArrayList<>();
        for (PackageMedia.Placed p : podcast.speech().placed()) {
            cues.add(new Subtitles.Cue(Math.round(p.start() * 1000) / 1000.0, Math.round(p.end() * 1000) / 1000.0,
                    p.utterance().text()));
        }
    }

    @Test
    void srtSidecarIsTheTranscript() {
        JsonNode t = transcribed("talk.srt", Subtitles.srt(cues).getBytes(StandardCharsets.UTF_8));
        assertSidecarText(t);
        assertThat(t.path("language").asText()).as("SRT does not say its language").isEqualTo("und");
    }

    @Test
    void webVttSidecarIsTheTranscriptAndServedBackAsWebVtt() {
        String asset = uploadTranscribed("talk.vtt", Subtitles.vtt(cues).getBytes(StandardCharsets.UTF_8));
        JsonNode t = api.get("/v1/assets/" + asset + "/transcript", 200);
        assertSidecarText(t);
        assertThat(t.path("language").asText()).isEqualTo("und");

        var vtt = api.http().get().uri("/v1/assets/" + asset + "/transcript.vtt").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/vtt"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(vtt).startsWith("WEBVTT\n\n");
        List<Subtitles.Cue> served = Subtitles.parse(vtt);
        assertThat(served).hasSize(t.path("segments").size());
        for (int i = 0; i < served.size(); i++) {
            JsonNode segment = t.path("segments").get(i);
            assertThat(served.get(i).text()).isEqualTo(segment.path("text").asText());
            assertThat(served.get(i).start()).isCloseTo(segment.path("start").asDouble(), org.assertj.core.api.Assertions.within(0.001));
            assertThat(served.get(i).end()).isCloseTo(segment.path("end").asDouble(), org.assertj.core.api.Assertions.within(0.001));
        }
        assertThat(served.stream().map(Subtitles.Cue::text).collect(Collectors.joining(" "))).as("every word, once, in order")
                .isEqualTo(text(t));
    }

    @Test
    void jsonSidecarIsTheTranscriptInTheLanguageItNames() {
        List<Map<String, Object>> segments = cues.stream().map(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("start", c.start());
            s.put("end", c.end());
            s.put("text", c.text());
            return s;
        }).toList();
        JsonNode t = transcribed("talk.json", Json.writeBytes(Map.of("language", "en-US", "segments", segments)));
        assertSidecarText(t);
        assertThat(t.path("language").asText()).isEqualTo("en-US");
    }

    @Test
    void brokenSidecarsAreRefusedAtUploadAndLeaveNothing() {
        String project = api.createProject("broken sidecars");
        Map<String, byte[]> broken = new LinkedHashMap<>();
        broken.put("garbage.srt", "this is a shopping list, not subtitles\neggs\nmilk\n".getBytes(StandardCharsets.UTF_8));
        broken.put("overlap.srt", Subtitles.srt(List.of(new Subtitles.Cue(1, 5, "one"), new Subtitles.Cue(2, 6, "two")))
                .getBytes(StandardCharsets.UTF_8));
        broken.put("negative.vtt", "WEBVTT\n\n-00:00:01.000 --> 00:00:02.000\nhello\n".getBytes(StandardCharsets.UTF_8));
        broken.put("empty.srt", new byte[0]);
        broken.put("latin1.srt", "1\n00:00:01,000 --> 00:00:02,000\nJosé señala\n".getBytes(StandardCharsets.ISO_8859_1));
        broken.put("words.json", "{\"words\": [{\"text\": \"a\", \"start\": 2, \"end\": 1}]}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> reasons = Map.of("garbage.srt", "no SRT or WebVTT cues", "overlap.srt", "must not overlap",
                "negative.vtt", "negative time", "empty.srt", "empty", "latin1.srt", "not UTF-8",
                "words.json", "ends before it starts");
        for (var e : broken.entrySet()) {
            JsonNode problem = upload(project, e.getKey(), e.getValue(), 422);
            assertThat(problem.path("code").asText()).as(e.getKey()).isEqualTo("unprocessable");
            assertThat(problem.path("reason").asText()).as(e.getKey()).isEqualTo("invalid_transcript");
            assertThat(problem.path("error").asText()).as(e.getKey()).contains(reasons.get(e.getKey()));
            assertThat(problem.path("how_to_fix").asText()).as(e.getKey()).isNotBlank();
        }
        assertThat(api.get("/v1/assets?project_id=" + project, 200).path("count").asInt()).as("no asset kept").isZero();
        assertThat(store.list("projects/" + project + "/")).as("no object kept").isEmpty();
    }

    /** The transcript's words are the sidecar's, each timed inside its cue, and the provider says so. */
    private static void assertSidecarText(JsonNode t) {
        assertThat(t.path("provider").asText()).isEqualTo("sidecar");
        assertThat(text(t)).isEqualTo(cues.stream().map(Subtitles.Cue::text).collect(Collectors.joining(" ")));
        int w = 0;
        double previousStart = -1;
        for (Subtitles.Cue cue : cues) {
            for (String said : cue.text().split("\\s+")) {
                JsonNode word = t.path("words").get(w++);
                assertThat(word.path("text").asText()).isEqualTo(said);
                double start = word.path("start").asDouble();
                double end = word.path("end").asDouble();
                double middle = (start + end) / 2;
                assertThat(middle).as("'%s' is said inside its cue %s", said, cue).isBetween(cue.start(), cue.end());
                assertThat(start).as("'%s' starts near its cue %s", said, cue).isGreaterThanOrEqualTo(cue.start() - ALIGNER_PAD);
                assertThat(end).as("'%s' ends near its cue %s", said, cue).isLessThanOrEqualTo(cue.end() + ALIGNER_PAD);
                assertThat(start).as("words in order").isGreaterThanOrEqualTo(previousStart);
                previousStart = start;
            }
        }
        assertThat(t.path("pauses").size()).as("pauses still come from the audio").isGreaterThanOrEqualTo(cues.size() - 1);
    }

    private static String text(JsonNode t) {
        List<String> words = new ArrayList<>();
        t.path("words").forEach(w -> words.add(w.path("text").asText()));
        return String.join(" ", words);
    }

    private static JsonNode transcribed(String name, byte[] sidecar) {
        return api.get("/v1/assets/" + uploadTranscribed(name, sidecar) + "/transcript", 200);
    }

    /** Uploads the podcast with the sidecar, then runs a clip until the transcript is made, and stops it. */
    private static String uploadTranscribed(String name, byte[] sidecar) {
        String project = api.createProject("sidecar " + name);
        String asset = upload(project, name, sidecar, 201).path("asset_id").asText();
        assertThat(api.awaitAssetSettled(asset).path("status").asText()).isEqualTo("ready");
        String clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "selection", Map.of("selection_mode", "time_range", "start_seconds", 0.5, "end_seconds", 12.0),
                "target", Map.of("min_duration_seconds", 8, "max_duration_seconds", 20)), 201).path("clip_id").asText();
        JsonNode run = api.awaitClip(clip, c -> c.path("source").path("transcript_status").asText().equals("ready")
                || c.path("status").asText().equals("failed"), Duration.ofMinutes(5));
        assertThat(run.path("status").asText()).as(run.toString()).isNotEqualTo("failed");
        // the rest of the run is not what this test is about
        api.http().post().uri("/v1/clips/" + clip + "/cancel").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange();
        return asset;
    }

    private static JsonNode upload(String project, String name, byte[] sidecar, int status) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("project_id", project);
        form.part("file", new FileSystemResource(podcast.file())).contentType(MediaType.parseMediaType("video/mp4"));
        form.part("transcript", sidecar).filename(name).contentType(MediaType.TEXT_PLAIN);
        return api.http().post().uri("/v1/assets").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange()
                .expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
