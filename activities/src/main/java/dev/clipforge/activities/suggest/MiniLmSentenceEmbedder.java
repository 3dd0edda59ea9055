package dev.clipforge.activities.suggest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import java.util.List;

/**
 * all-MiniLM-L6-v2 in process (langchain4j runs it on ONNX Runtime; the model ships inside its jar). The model
 * is loaded once per process, on first use: it is 90 MB and every suggestion run shares it. Each sentence is
 * embedded on its own, so a sentence's vector does not depend on its neighbours or on the batch it came in.
 */
public final class MiniLmSentenceEmbedder implements SentenceEmbedder {
    public static final MiniLmSentenceEmbedder INSTANCE = new MiniLmSentenceEmbedder();

    private MiniLmSentenceEmbedder() {
    }

    private static final class Model {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();
    }

    @Override
    public float[][] embed(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        List<Embedding> embeddings = Model.MODEL.embedAll(texts.stream().map(t -> TextSegment.from(t.isBlank() ? "." : t))
                .toList()).content();
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vectors.unit(embeddings.get(i).vector());
        }
        return out;
    }

    @Override
    public String name() {
        return "all-MiniLM-L6-v2 (in process)";
    }
}
