package dev.clipforge.activities.suggest.llm;

import dev.clipforge.activities.suggest.MomentReranker;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;

import java.util.List;
import java.util.Locale;

/** What the language model is asked: the candidates by id with their words, and the exact answer shape. */
final class RerankPrompt {
    /** Enough words of a moment to judge it; a 75 s clip is about 1,200 characters of speech. */
    static final int MAX_TEXT = 2_000;

    static final String INSTRUCTIONS = """
            You are a video editor choosing moments from a long recording to post as short vertical clips.
            You are shown candidate moments, each with an id, its length and its transcript.
            Rank them from most to least worth posting. A good clip makes sense without the rest of the recording,
            opens with a line that makes a viewer stay, and ends on a payoff. For each moment you rank, write:
            - title: at most 8 words, no quotes or hashtags;
            - hook: the opening line a viewer reads on screen, at most 25 words;
            - reason: one sentence on why the moment is worth posting.
            Name moments only by the ids given. You cannot change where a moment starts or ends.
            Answer with one JSON object and nothing else, exactly in this form:
            {"ranking": [{"id": "m1", "title": "...", "hook": "...", "reason": "..."}]}""";

    private RerankPrompt() {
    }

    static ChatRequest request(List<MomentReranker.Moment> moments) {
        StringBuilder user = new StringBuilder("Candidate moments:\n");
        for (MomentReranker.Moment m : moments) {
            String text = m.text().length() <= MAX_TEXT ? m.text() : m.text().substring(0, MAX_TEXT) + "…";
            user.append(String.format(Locale.ROOT, "%nid: %s%nlength: %.0f s%ntranscript: %s%n", m.id(),
                    m.endSeconds() - m.startSeconds(), text));
        }
        return ChatRequest.builder()
                .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(user.toString()))
                .responseFormat(ResponseFormat.JSON)
                .build();
    }
}
