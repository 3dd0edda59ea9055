package dev.clipforge.deploy.workers;

import dev.clipforge.common.config.ClipforgeProperties;
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

    @Bean
    WorkerLifecycle workerLifecycle(WorkflowClient client, List<QueueWorker> queues, JdbcTemplate jdbc,
                                    ClipforgeProperties properties) {
        return new WorkerLifecycle(client, queues, jdbc, properties);
    }
}
