package dev.clipforge.api.audit;

import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.api.tenancy.Caller;
import dev.clipforge.api.tenancy.Tenancy;
import dev.clipforge.common.Ids;
import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;

/** The audit log: every mutating call of an organisation, newest first, readable by its owners. */
@Service
public class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final String ID_PREFIX = "aud";

    private final DatabaseClient db;

    public AuditLog(DatabaseClient db) {
        this.db = db;
    }

    /** Records a call; a failure to record is logged, never the caller's problem. */
    public Mono<Void> record(Caller caller, String action, String resource, int status, String errorCode, String remoteAddress) {
        var spec = db.sql("""
                        insert into audit_logs (id, organisation_id, api_key_id, action, resource, status, outcome, error_code,
                                                remote_address)
                        values (:id, :org, :key, :action, :resource, :status, :outcome, :error, :remote)""")
                .bind("id", Ids.next(ID_PREFIX)).bind("org", caller.organisationId()).bind("action", action)
                .bind("status", status).bind("outcome", status < 400 ? "success" : "failure");
        spec = caller.apiKeyId() == null ? spec.bindNull("key", String.class) : spec.bind("key", caller.apiKeyId());
        spec = resource == null ? spec.bindNull("resource", String.class) : spec.bind("resource", abbreviate(resource));
        spec = errorCode == null ? spec.bindNull("error", String.class) : spec.bind("error", errorCode);
        spec = remoteAddress == null ? spec.bindNull("remote", String.class) : spec.bind("remote", remoteAddress);
        return spec.fetch().rowsUpdated().then()
                .onErrorResume(e -> {
                    log.error("could not record {} {} of {} in the audit log", action, resource, caller.organisationId(), e);
                    return Mono.empty();
                });
    }

    public Mono<Page<AuditEntry>> list(String action, String apiKeyId, PageRequest page) {
        return Tenancy.owner().flatMap(c -> {
            String where = " where organisation_id = :org and (cast(:action as text) is null or action = :action)"
                    + " and (cast(:key as text) is null or api_key_id = :key)";
            var rows = bind(db.sql("select * from audit_logs" + where + " order by created_at desc, id desc"
                    + " limit :limit offset :offset"), c, action, apiKeyId)
                    .bind("limit", page.limit()).bind("offset", page.offset()).map((r, m) -> entry(r)).all().collectList();
            var total = bind(db.sql("select count(*) as n from audit_logs" + where), c, action, apiKeyId)
                    .map((r, m) -> r.get("n", Long.class)).one();
            return Mono.zip(rows, total).map(t -> Page.of(t.getT1(), page, t.getT2()));
        });
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Caller c, String action,
                                                          String key) {
        spec = spec.bind("org", c.organisationId());
        spec = action == null ? spec.bindNull("action", String.class) : spec.bind("action", action);
        return key == null ? spec.bindNull("key", String.class) : spec.bind("key", key);
    }

    private static AuditEntry entry(Readable r) {
        return new AuditEntry(r.get("id", String.class), r.get("organisation_id", String.class),
                r.get("api_key_id", String.class), r.get("action", String.class), r.get("resource", String.class),
                r.get("status", Integer.class), r.get("outcome", String.class), r.get("error_code", String.class),
                r.get("remote_address", String.class), r.get("created_at", OffsetDateTime.class).toInstant());
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
