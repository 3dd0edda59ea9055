package dev.clipforge.activities.suggest;

import dev.clipforge.common.transcript.Transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-timed transcript made from sentences, for tests: each word takes 0.12 s plus 45 ms a letter with
 * 60 ms between words, and every sentence is followed by a 0.5 s pause.
 */
final class Talk {
    private final List<Transcript.Word> words = new ArrayList<>();
    private final List<Transcript.Segment> segments = new ArrayList<>();
    private final List<Transcript.Span> speech = new ArrayList<>();
    private final List<Transcript.Span> pauses = new ArrayList<>();
    private double t = 0.5;

    Talk say(String... sentences) {
        for (String text : sentences) {
            int first = words.size();
            double start = t;
            for (String w : text.strip().split("\\s+")) {
                double length = 0.12 + 0.045 * w.length();
                words.add(new Transcript.Word(w, round(t), round(t + length), 1));
                t += length + 0.06;
            }
            double end = t - 0.06;
            segments.add(new Transcript.Segment(round(start), round(end), text.strip(), first, words.size() - 1));
            speech.add(new Transcript.Span(round(start), round(end)));
            pauses.add(new Transcript.Span(round(end), round(end + 0.5)));
            t = end + 0.5;
        }
        return this;
    }

    /** Where the next sentence would start. */
    double time() {
        return t;
    }

    Transcript transcript() {
        return new Transcript(1, "en", "test", round(t), List.copyOf(words), List.copyOf(segments), List.copyOf(speech),
                List.copyOf(pauses));
    }

    static final String[] BREAD = {
            "Good bread starts with flour, water, salt and a lot of patience.",
            "I feed my sourdough starter every morning before I make coffee.",
            "The dough needs about twelve hours to rise in a cool kitchen.",
            "If you knead the dough too long, the crumb turns tight and chewy.",
            "A hot cast iron pot gives the loaf a thick and crackling crust.",
            "Most beginners bake their bread too pale because they fear burning it.",
            "Let the loaf cool for an hour before you cut it, or the crumb turns gummy.",
            "Rye flour makes the starter more active on cold winter days."};

    static final String[] SPACE = {
            "The rover landed in a crater on Mars after a journey of seven months.",
            "Its first task was to drive to the dry river delta at the edge of the crater.",
            "Sharp rocks on the way to the delta tore holes in the rover's wheels.",
            "Engineers on Earth planned every drive around the rocks from pictures taken in orbit.",
            "At the delta, the rover drilled into the mudstone and sealed the samples in tubes.",
            "The samples may hold traces of microbes that lived in the crater lake billions of years ago.",
            "A later mission will carry the tubes from Mars back to Earth.",
            "Scientists will study the Mars samples with instruments too big to fly on a rover."};

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
