package dev.clipforge.activities.suggest.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.clipforge.activities.suggest.MomentReranker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the language model's answer as untrusted input. The shape must be exactly
 * {@code {"ranking": [{"id", "title", "hook", "reason"}, ...]}} with text values: malformed JSON, a missing or
 * unknown field (a start or end time, say) or a value of the wrong type rejects the whole answer. Within that
 * shape, an entry naming a moment it was not shown, naming one twice, or with text too long for its place is
 * dropped on its own, and the answer stands if any entry is left.
 */
final class RerankAnswer {
    static final int MAX_TITLE = 100;
    static final int MAX_HOOK = 240;
    static final int MAX_REASON = 400;
    private static final Set<String> ROOT_FIELDS = Set.of("ranking");
    private static final Set<String> ENTRY_FIELDS = new LinkedHashSet<>(List.of("id", "title", "hook", "reason"));
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RerankAnswer() {
    }

    /** The answer did not have the required shape; the message says where. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** @param dropped why each dropped entry was dropped */
    record Read(List<MomentReranker.Pick> picks, List<String> dropped) {
    }

    static Read read(String text, Set<String> shownIds) throws Invalid {
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Invalid("the answer is not JSON: " + RetryingChat.abbreviate(text));
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("the answer is not a JSON object: " + RetryingChat.abbreviate(text));
        }
        onlyFields(root, ROOT_FIELDS, "the answer");
        JsonNode ranking = root.get("ranking");
        if (ranking == null || !ranking.isArray()) {
            throw new Invalid("the answer has no \"ranking\" array");
        }
        List<MomentReranker.Pick> picks = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ranking.size(); i++) {
            JsonNode entry = ranking.get(i);
            String where = "ranking entry " + (i + 1);
            if (!entry.isObject()) {
                throw new Invalid(where + " is not an object");
            }
            onlyFields(entry, ENTRY_FIELDS, where);
            String id = text(entry, "id", where);
            String title = text(entry, "title", where);
            String hook = text(entry, "hook", where);
            String reason = text(entry, "reason", where);
            if (!shownIds.contains(id)) {
                dropped.add(where + " names moment '" + RetryingChat.abbreviate(id) + "', which it was not shown");
            } else if (!seen.add(id)) {
                dropped.add(where + " names moment " + id + " again");
            } else if (title.length() > MAX_TITLE || hook.length() > MAX_HOOK || reason.length() > MAX_REASON) {
                dropped.add(where + " (" + id + ") has a title, hook or reason longer than " + MAX_TITLE + ", " + MAX_HOOK
                        + " or " + MAX_REASON + " characters");
            } else {
                picks.add(new MomentReranker.Pick(id, title, hook, reason));
            }
        }
        if (picks.isEmpty()) {
            throw new Invalid("the answer ranks none of the moments it was shown" + (dropped.isEmpty() ? "" : ": " + dropped));
        }
        return new Read(picks, dropped);
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String where) throws Invalid {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new Invalid(where + " has a field it may not have: '" + RetryingChat.abbreviate(name) + "' (allowed: "
                        + String.join(", ", allowed) + ")");
            }
        }
        for (String name : allowed) {
            if (!node.has(name)) {
                throw new Invalid(where + " lacks the field '" + name + "'");
            }
        }
    }

    /** A required text value, with its whitespace collapsed to single spaces. */
    private static String text(JsonNode node, String field, String where) throws Invalid {
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new Invalid(where + ": '" + field + "' is not text");
        }
        String s = value.asText().replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        if (s.isEmpty()) {
            throw new Invalid(where + ": '" + field + "' is empty");
        }
        return s;
    }
}
