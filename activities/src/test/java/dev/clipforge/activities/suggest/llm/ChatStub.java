package dev.clipforge.activities.suggest.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A language-model service on loopback that speaks OpenAI's chat-completions wire format
 * ({@code POST /v1/chat/completions}) or Ollama's ({@code POST /api/chat}), answering with replies the test
 * queues, and recording every request with the time it arrived.
 */
public final class ChatStub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted reply: an HTTP status and a body. */
    public record Reply(int status, String body) {
    }

    /** A request as the stub saw it: when it arrived ({@link System#nanoTime()}), where, with what. */
    public record Request(long arrivedNanos, String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    public ChatStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Base URL for an OpenAI-compatible client (up to and including /v1). */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Base URL for an Ollama client. */
    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized ChatStub then(Reply reply) {
        replies.add(reply);
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A successful OpenAI chat completion whose assistant message is {@code content}. */
    public static Reply openAiAnswer(String content) {
        return openAiAnswer(content, "stop");
    }

    static Reply openAiAnswer(String content, String finishReason) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1_700_000_000).put("model", "stub-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150);
        return new Reply(200, body.toString());
    }

    /** An OpenAI error body with the given status. */
    static Reply openAiError(int status, String type, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).put("code", code).putNull("param");
        return new Reply(status, body.toString());
    }

    /** A successful Ollama chat answer whose assistant message is {@code content}. */
    static Reply ollamaAnswer(String content) {
        ObjectNode body = JSON.createObjectNode().put("model", "stub-model").put("created_at", "2024-01-01T00:00:00Z")
                .put("done", true).put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", 50);
        body.putObject("message").put("role", "assistant").put("content", content);
        return new Reply(200, body.toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply;
        synchronized (this) {
            requests.add(new Request(arrived, exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            reply = replies.isEmpty() ? openAiError(500, "server_error", "no_reply", "the test queued no reply") : replies.poll();
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
