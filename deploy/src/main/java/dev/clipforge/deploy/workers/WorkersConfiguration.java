package dev.clipforge.deploy.workers;

import dev.clipforge.activities.support.SourceCache;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.store.ObjectStore;
import io.temporal.client.WorkflowClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

@Configuration(proxyBeanMethods = false)
public class WorkersConfiguration {

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    /** Shared by the stages of both workers in this process, so a source is downloaded once per machine. */
    @Bean
    SourceCache sourceCache(ClipforgeProperties p, ObjectStore store) {
        return new SourceCache(store, p.scratchDir().resolve("sources"), p.visual().sourceCacheSize().toBytes());
    }

    @Bean
    WorkerLifecycle workerLifecycle(WorkflowClient client, List<QueueWorker> queues, JdbcTemplate jdbc,
                                    ClipforgeProperties properties) {
        return new WorkerLifecycle(client, queues, jdbc, properties);
    }
}
