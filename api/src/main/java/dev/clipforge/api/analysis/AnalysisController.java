package dev.clipforge.api.analysis;

import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.stages.Suggestion;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/v1/assets/{id}")
public class AnalysisController {
    private static final MediaType SRT = MediaType.parseMediaType("application/x-subrip;charset=UTF-8");
    private static final MediaType VTT = MediaType.parseMediaType("text/vtt;charset=UTF-8");

    private final AnalysisService analysis;
    private final TranscriptRevisions revisions;

    public AnalysisController(AnalysisService analysis, TranscriptRevisions revisions) {
        this.analysis = analysis;
        this.revisions = revisions;
    }

    @GetMapping("/transcript")
    public Mono<Transcript> transcript(@PathVariable String id) {
        return analysis.transcript(id);
    }

    /** Corrected text for some segments: re-aligned into the next analysis version, which this returns. */
    @PatchMapping("/transcript")
    public Mono<Transcript> revise(@PathVariable String id, @RequestBody TranscriptPatch patch) {
        return revisions.revise(id, patch);
    }

    @GetMapping("/transcript.srt")
    public Mono<ResponseEntity<String>> srt(@PathVariable String id) {
        return analysis.transcriptAs(id, "srt").map(s -> ResponseEntity.ok().contentType(SRT).body(s));
    }

    @GetMapping("/transcript.vtt")
    public Mono<ResponseEntity<String>> vtt(@PathVariable String id) {
        return analysis.transcriptAs(id, "vtt").map(s -> ResponseEntity.ok().contentType(VTT).body(s));
    }

    @GetMapping("/suggestions")
    public Mono<Map<String, List<Suggestion>>> suggestions(@PathVariable String id) {
        return analysis.suggestions(id).map(list -> Map.of("items", list));
    }
}
