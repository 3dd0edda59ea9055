package dev.clipforge.deploy.cli;

import dev.clipforge.activities.suggest.SuggestionEngine;
import dev.clipforge.common.config.SuggestSettings;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.stages.Suggestion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code clipforge eval suggestions [dir]}: the suggestion engine against the evaluation set in
 * {@code eval/suggestions} (its README says how the set is made and what each figure means).
 */
public final class SuggestionEval {
    static final double MIN_SECONDS = 10;
    static final double MAX_SECONDS = 30;
    private static final Pattern MOMENT = Pattern.compile("#\\s*moment:\\s*(\\d+)-(\\d+)\\s*\\|\\s*(.*)");

    private final PrintStream out;

    public SuggestionEval(PrintStream out) {
        this.out = out;
    }

    /** A marked moment: sentences {@code first..last}, 0-based. */
    record Moment(int first, int last, String reason) {
    }

    record Case(String name, String title, Transcript transcript, List<Moment> moments) {
    }

    /** What the set scored: shares in 0..1. */
    /**
     * @param recallAt1        share of transcripts whose top suggestion hits a marked moment
     * @param baselineAt1      the same for a baseline that suggests windows of the same lengths laid end to end
     *                         from the start: what any engine must beat
     * @param baselineAt3      the baseline's recall@3
     */
    public record Result(int transcripts, int moments, double recallAt1, double recallAt3, double recallAt5,
                         double baselineAt1, double baselineAt3, double onBoundaries, double danglingOpeners,
                         int suggestions) {
    }

    public int run(String[] args) {
        if (args.length == 0 || !args[0].equals("suggestions")) {
            out.println("usage: clipforge eval suggestions [dir, default eval/suggestions]");
            return 2;
        }
        Path dir = Path.of(args.length > 1 ? args[1] : "eval/suggestions");
        if (!Files.isDirectory(dir)) {
            out.println(dir + " is not a directory: run from the repository root, or name the set's directory");
            return 2;
        }
        Result r = evaluate(dir, true);
        out.printf(Locale.ROOT, "%n%d transcripts, %d marked moments, %d suggestions (%s-%s s, top 5):%n", r.transcripts(),
                r.moments(), r.suggestions(), (int) MIN_SECONDS, (int) MAX_SECONDS);
        out.printf(Locale.ROOT, "  top suggestion on a marked moment: %.2f (baseline %.2f)%n", r.recallAt1(), r.baselineAt1());
        out.printf(Locale.ROOT, "  recall@3 %.2f (baseline %.2f), recall@5 %.2f%n", r.recallAt3(), r.baselineAt3(), r.recallAt5());
        out.printf(Locale.ROOT, "  both ends on sentence boundaries: %.0f%%%n", 100 * r.onBoundaries());
        out.printf(Locale.ROOT, "  opening with a dangling opener:   %.0f%%%n", 100 * r.danglingOpeners());
        return 0;
    }

    public Result evaluate(Path dir, boolean verbose) {
        SuggestSettings settings = SuggestSettings.defaults();
        SuggestionEngine engine = new SuggestionEngine(settings.weights(), settings.maxOverlap());
        int moments = 0;
        int top = 0;
        int baseTop = 0;
        int base3 = 0;
        int hits3 = 0;
        int hits5 = 0;
        int suggestions = 0;
        int onBoundaries = 0;
        int dangling = 0;
        List<Case> cases = cases(dir);
        for (Case c : cases) {
            Transcript t = c.transcript();
            float[] energy = SpokenText.energy(t, 0.05, s -> 0.1);
            List<Suggestion> found = engine.suggest("ast_eval", 1, t, energy, 0.05, t.durationSeconds(), MIN_SECONDS,
                    MAX_SECONDS, 5);
            List<Suggestion> baseline = baseline(found);
            top += c.moments().stream().anyMatch(m -> hit(t, m, found.subList(0, Math.min(1, found.size())))) ? 1 : 0;
            baseTop += c.moments().stream().anyMatch(m -> hit(t, m, baseline.subList(0, Math.min(1, baseline.size())))) ? 1 : 0;
            for (Moment m : c.moments()) {
                moments++;
                hits3 += hit(t, m, found.subList(0, Math.min(3, found.size()))) ? 1 : 0;
                base3 += hit(t, m, baseline.subList(0, Math.min(3, baseline.size()))) ? 1 : 0;
                hits5 += hit(t, m, found) ? 1 : 0;
            }
            for (Suggestion s : found) {
                suggestions++;
                onBoundaries += onBoundaries(t, s) ? 1 : 0;
                dangling += SuggestionEngine.danglingOpener(firstWord(t, s)) ? 1 : 0;
            }
            if (verbose) {
                out.printf(Locale.ROOT, "%s: %s%n", c.name(), c.title());
                for (Moment m : c.moments()) {
                    out.printf(Locale.ROOT, "  marked %5.1f-%5.1f s %s%n", t.segments().get(m.first()).start(),
                            t.segments().get(m.last()).end(), hit(t, m, found) ? "found" : "missed");
                }
                for (Suggestion s : found) {
                    out.printf(Locale.ROOT, "  #%d    %5.1f-%5.1f s score %.2f %s%n", s.rank(), s.startSeconds(), s.endSeconds(),
                            s.score(), s.title());
                }
            }
        }
        return new Result(cases.size(), moments, top / (double) cases.size(), hits3 / (double) moments,
                hits5 / (double) moments, baseTop / (double) cases.size(), base3 / (double) moments,
                onBoundaries / (double) suggestions, dangling / (double) suggestions, suggestions);
    }

    /** The engine's windows, same lengths in the same order, laid end to end from the start of the transcript. */
    static List<Suggestion> baseline(List<Suggestion> found) {
        List<Suggestion> out = new ArrayList<>();
        double t = 0.5;
        for (Suggestion s : found) {
            double d = s.durationSeconds();
            out.add(new Suggestion("base", s.rank(), "", "", "", t, t + d, 0, java.util.Map.of(), false));
            t += d;
        }
        return out;
    }

    /** A suggestion hits a moment when it covers at least half of it. */
    static boolean hit(Transcript t, Moment m, List<Suggestion> found) {
        double a = t.segments().get(m.first()).start();
        double b = t.segments().get(m.last()).end();
        return found.stream().anyMatch(s -> Math.max(0, Math.min(b, s.endSeconds()) - Math.max(a, s.startSeconds()))
                >= 0.5 * (b - a));
    }

    /** Both cuts fall between words, the start just before a sentence's first word, the end just after one's last. */
    static boolean onBoundaries(Transcript t, Suggestion s) {
        boolean start = false;
        boolean end = false;
        for (Transcript.Segment seg : t.segments()) {
            Transcript.Word first = t.words().get(seg.firstWord());
            Transcript.Word last = t.words().get(seg.lastWord());
            double before = seg.firstWord() == 0 ? 0 : t.words().get(seg.firstWord() - 1).end();
            double after = seg.lastWord() == t.words().size() - 1 ? t.durationSeconds() : t.words().get(seg.lastWord() + 1).start();
            start |= s.startSeconds() >= before && s.startSeconds() <= first.start();
            end |= s.endSeconds() >= last.end() && s.endSeconds() <= after;
        }
        return start && end;
    }

    private static String firstWord(Transcript t, Suggestion s) {
        return t.words().stream().filter(w -> w.start() >= s.startSeconds() - 1e-6).findFirst().map(Transcript.Word::text)
                .orElse("");
    }

    static List<Case> cases(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Case> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d+-.*\\.txt")).sorted().toList()) {
                out.add(read(f));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One transcript of the set, word-timed from its text ({@link SpokenText}): 0.5 s of silence after a
     * sentence, 1.2 s at a change of topic.
     */
    static Case read(Path file) throws IOException {
        String title = "";
        List<Moment> moments = new ArrayList<>();
        SpokenText text = new SpokenText(0.5, 1);
        for (String line : Files.readAllLines(file)) {
            Matcher m = MOMENT.matcher(line);
            if (m.matches()) {
                moments.add(new Moment(Integer.parseInt(m.group(1)) - 1, Integer.parseInt(m.group(2)) - 1, m.group(3).strip()));
            } else if (line.startsWith("# title:")) {
                title = line.substring("# title:".length()).strip();
            } else if (line.isBlank()) {
                text.longerPause(0.7);
            } else if (!line.startsWith("#")) {
                text.sentence(line);
            }
        }
        for (Moment m : moments) {
            if (m.first() < 0 || m.last() >= text.sentences() || m.first() > m.last()) {
                throw new IllegalArgumentException(file.getFileName() + ": moment " + (m.first() + 1) + "-" + (m.last() + 1)
                        + " is outside its " + text.sentences() + " sentences");
            }
        }
        return new Case(file.getFileName().toString(), title, text.transcript("eval"), moments);
    }
}
