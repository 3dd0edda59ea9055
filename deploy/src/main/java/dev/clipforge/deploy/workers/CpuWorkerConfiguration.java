package dev.clipforge.deploy.workers;

import dev.clipforge.activities.captions.CaptionActivitiesImpl;
import dev.clipforge.activities.captions.CaptionThemeRows;
import dev.clipforge.activities.export.ExportActivitiesImpl;
import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.activities.layout.LayoutActivitiesImpl;
import dev.clipforge.activities.qa.QaActivitiesImpl;
import dev.clipforge.activities.render.RenderActivitiesImpl;
import dev.clipforge.activities.runs.RunProgress;
import dev.clipforge.activities.suggest.MiniLmSentenceEmbedder;
import dev.clipforge.activities.suggest.MomentReranker;
import dev.clipforge.activities.suggest.SuggestActivitiesImpl;
import dev.clipforge.activities.suggest.llm.LlmReranker;
import dev.clipforge.activities.suggest.llm.RequestSpacing;
import dev.clipforge.activities.suggest.SuggestionRows;
import dev.clipforge.activities.support.ArtifactLeases;
import dev.clipforge.activities.support.SourceCache;
import dev.clipforge.activities.ingest.IngestActivitiesImpl;
import dev.clipforge.activities.ingest.PreviewActivitiesImpl;
import dev.clipforge.activities.net.GuardedHttpFetcher;
import dev.clipforge.activities.net.YoutubeDownloader;
import dev.clipforge.activities.runs.RunSlots;
import dev.clipforge.activities.runs.SnapshotPublisher;
import dev.clipforge.activities.webhooks.WebhookDeliverer;
import dev.clipforge.activities.webhooks.WebhookDispatcher;
import dev.clipforge.activities.runs.SourceStatusReader;
import dev.clipforge.api.health.HealthContributor;
import dev.clipforge.api.health.HealthReport;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.config.ConditionalOnRole;
import dev.clipforge.common.net.UrlPolicy;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.workflows.TaskQueues;
import dev.clipforge.workflows.ingest.AssetIngestWorkflowImpl;
import dev.clipforge.workflows.preview.PreviewWorkflowImpl;
import dev.clipforge.workflows.transcript.TranscriptRevisionWorkflowImpl;
import dev.clipforge.workflows.run.ClipRunWorkflowImpl;
import dev.clipforge.workflows.webhooks.WebhookDeliveryWorkflowImpl;
import io.temporal.client.WorkflowClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;

/** The {@code clipforge-cpu} worker: the workflows, their local activities and the CPU stages. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(ClipforgeProperties.Role.CPU)
public class CpuWorkerConfiguration {

    @Bean(destroyMethod = "close")
    GuardedHttpFetcher guardedHttpFetcher(ClipforgeProperties properties) {
        var ingest = properties.ingest();
        return new GuardedHttpFetcher(new UrlPolicy(ingest.urlAllowList()), ingest.urlConnectTimeout(),
                ingest.urlFetchTimeout(), ingest.urlMaxRedirects());
    }

    @Bean(destroyMethod = "close")
    WebhookDeliverer webhookDeliverer(ClipforgeProperties properties, JdbcTemplate jdbc) {
        return new WebhookDeliverer(jdbc, new UrlPolicy(properties.ingest().urlAllowList()), properties.webhooks());
    }

    /** Starts delivery workflows for the events the workers write; one per cpu worker process is plenty. */
    @Bean(initMethod = "start", destroyMethod = "close")
    WebhookDispatcher webhookDispatcher(ClipforgeProperties properties, JdbcTemplate jdbc, WorkflowClient temporal) {
        return new WebhookDispatcher(jdbc, temporal, properties.webhooks());
    }

    /**
     * The optional language model that reranks suggestions. One per worker process, so its request queue
     * ({@link RequestSpacing}) holds the requests-per-minute limit across every run this process serves.
     */
    @Bean
    MomentReranker momentReranker(ClipforgeProperties properties) {
        var llm = properties.suggest().llm();
        return llm.enabled() ? LlmReranker.of(llm, new RequestSpacing(llm.requestsPerMinute())) : MomentReranker.NONE;
    }

    /** /v1/health names how moments are ranked: the embedding model, and the language model when one is set. */
    @Bean
    HealthContributor suggestionRanking(MomentReranker reranker) {
        String detail = "features + " + MiniLmSentenceEmbedder.INSTANCE.name() + " topics"
                + (reranker.topK() == 0 ? "" : ", top " + reranker.topK() + " reranked by " + reranker.identity());
        return new HealthContributor() {
            @Override
            public String name() {
                return "suggestions";
            }

            @Override
            public Mono<HealthReport.Check> check() {
                return Mono.just(HealthReport.Check.up(0, detail));
            }
        };
    }

    @Bean
    QueueWorker cpuWorker(ClipforgeProperties properties, JdbcTemplate jdbc, ObjectStore store, GuardedHttpFetcher fetcher,
                          SourceCache sourceCache, WebhookDeliverer webhooks, MomentReranker reranker) {
        var assets = new AssetRows(jdbc);
        var leases = new ArtifactLeases(jdbc);
        var progress = new RunProgress(jdbc);
        var scratch = properties.scratchDir();
        var render = properties.render();
        var themes = new CaptionThemeRows(jdbc);
        var stages = new Object[]{
                new SuggestActivitiesImpl(assets, store, leases, properties.suggest(), reranker, new SuggestionRows(jdbc),
                        scratch),
                new LayoutActivitiesImpl(assets, store),
                new CaptionActivitiesImpl(assets, store, themes::find),
                new RenderActivitiesImpl(assets, store, sourceCache, progress, render, scratch),
                new QaActivitiesImpl(assets, store, sourceCache, render, scratch),
                new ExportActivitiesImpl(assets, store, sourceCache, progress, render, jdbc, scratch)};
        var ingest = new IngestActivitiesImpl(assets, store, properties.ingest(), properties.scratchDir(), fetcher,
                new YoutubeDownloader(properties.ingest().youtubeDownloader(), properties.ingest().urlFetchTimeout()));
        var previews = new PreviewActivitiesImpl(assets, store, properties.scratchDir());
        var snapshots = new SnapshotPublisher(jdbc);
        var sources = new SourceStatusReader(jdbc);
        var slots = new RunSlots(jdbc, properties);
        return new QueueWorker(TaskQueues.CPU, properties.workers().cpuSlots(), worker -> {
            worker.registerWorkflowImplementationTypes(ClipRunWorkflowImpl.class, AssetIngestWorkflowImpl.class,
                    PreviewWorkflowImpl.class, TranscriptRevisionWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class);
            worker.registerActivitiesImplementations(snapshots, sources, slots, ingest, previews, webhooks);
            worker.registerActivitiesImplementations(stages);
        });
    }
}
