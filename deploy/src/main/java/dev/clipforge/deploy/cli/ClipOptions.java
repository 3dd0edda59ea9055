package dev.clipforge.deploy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code clipforge clip}: what to clip and how.
 *
 * @param source     a local file or an http(s) URL
 * @param server     an API to use; null = start the embedded stack in this process
 * @param apiKey     the API key to call it with; null = CLIPFORGE_API_KEY, or for the embedded stack its admin key
 * @param transcript a sidecar transcript (SRT, WebVTT or JSON) for a local file
 * @param passthrough {@code --clipforge.*} settings for the embedded stack
 */
record ClipOptions(String source, int clips, Path out, String style, String quality, String layout, Double minSeconds,
                   Double maxSeconds, String server, String apiKey, Path transcript, List<String> passthrough) {

    static final String USAGE = """
            usage: clipforge clip <file-or-url> [--clips 3] [--out ./clips] [--style documentary] [--quality 1080p]
                                  [--layout auto] [--min 15] [--max 75] [--transcript subs.srt] [--server URL]
                                  [--api-key KEY]

              --clips       how many clips to make (the best N moments)           default 3
              --out         folder for the MP4s and summary.json                  default ./clips
              --style       documentary, full-sentence, single-word-instant, or a caption theme id
              --quality     720p or 1080p                                         default 1080p
              --layout      auto, prefer_split or prefer_focus                    default auto
              --min/--max   clip length bounds in seconds                         default 15 / 75
              --transcript  a transcript of the video (SRT, WebVTT, ClipForge JSON): used instead of speech recognition
              --server      a running ClipForge API; without it the embedded stack starts in this process
              --api-key     the API key to use (default: CLIPFORGE_API_KEY; the embedded stack's own admin key)""";

    static ClipOptions parse(String[] args) {
        String source = null;
        int clips = 3;
        Path out = Path.of("clips");
        String style = "documentary";
        String quality = "1080p";
        String layout = "auto";
        Double min = null;
        Double max = null;
        String server = null;
        String apiKey = System.getenv("CLIPFORGE_API_KEY");
        Path transcript = null;
        List<String> passthrough = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (a.startsWith("--clipforge.")) {
                passthrough.add(a);
                continue;
            }
            switch (a) {
                case "--clips" -> clips = Integer.parseInt(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--style" -> style = value(args, ++i, a);
                case "--quality" -> quality = value(args, ++i, a);
                case "--layout" -> layout = value(args, ++i, a);
                case "--min" -> min = Double.parseDouble(value(args, ++i, a));
                case "--max" -> max = Double.parseDouble(value(args, ++i, a));
                case "--server" -> server = value(args, ++i, a);
                case "--api-key" -> apiKey = value(args, ++i, a);
                case "--transcript" -> transcript = Path.of(value(args, ++i, a));
                default -> {
                    if (a.startsWith("--") || source != null) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    source = a;
                }
            }
        }
        if (source == null) {
            throw new IllegalArgumentException("give a video file or URL to clip");
        }
        if (clips < 1 || clips > 20) {
            throw new IllegalArgumentException("--clips must be between 1 and 20");
        }
        if (!quality.equals("720p") && !quality.equals("1080p")) {
            throw new IllegalArgumentException("--quality must be 720p or 1080p");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        return new ClipOptions(source, clips, out, style, quality, layout, min, max, server, apiKey, transcript, passthrough);
    }

    boolean isUrl() {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
