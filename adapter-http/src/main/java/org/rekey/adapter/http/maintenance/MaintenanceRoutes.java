package org.rekey.adapter.http.maintenance;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.rekey.adapter.http.auth.ApiTokenGuard;
import org.rekey.adapter.http.request.JsonBody;
import org.rekey.adapter.http.request.QueryParams;
import org.rekey.adapter.http.routing.Access;
import org.rekey.adapter.http.routing.Route;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.ListJobsUseCase;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.ReencryptionJob;
import org.rekey.application.port.in.maintenance.ReencryptionJobUseCase;
import org.rekey.application.port.in.maintenance.VerifyRecordsUseCase;

/**
 * {@code /rest/encryption/reencryption} (start, progress), {@code /rest/encryption/jobs} (the fleet's jobs) and
 * {@code /rest/encryption/status} (verify).
 */
public final class MaintenanceRoutes {

    public static final String REENCRYPTION = "/rest/encryption/reencryption";
    public static final String STATUS = "/rest/encryption/status";
    public static final String JOBS = "/rest/encryption/jobs";

    private static final Access MANAGE = Access.scope(Scope.ENCRYPTION_KEY_MANAGE);

    private final ReencryptionJobUseCase job;
    private final ListJobsUseCase jobs;
    private final VerifyRecordsUseCase verify;
    private final JsonBody body;

    public MaintenanceRoutes(ReencryptionJobUseCase job, ListJobsUseCase jobs, VerifyRecordsUseCase verify,
            JsonBody body) {
        this.job = job;
        this.jobs = jobs;
        this.verify = verify;
        this.body = body;
    }

    public List<Route> routes() {
        return List.of(
                Route.post(REENCRYPTION, MANAGE, this::start),
                Route.get(REENCRYPTION, MANAGE, this::progress),
                Route.get(JOBS, MANAGE, this::jobs),
                Route.get(STATUS, MANAGE, this::status));
    }

    /**
     * Starts the job and answers 202 at once; {@code GET} on the same path follows it. While a re-encryption runs
     * (on any instance) the answer is that one.
     */
    private void start(Context ctx) {
        QueryParams.of(ctx, Set.of());
        int batchSize = body.readOptional(ctx, StartReencryptionRequest.class)
                .map(StartReencryptionRequest::batchSize)
                .orElse(BatchCommand.DEFAULT_BATCH_SIZE);
        BatchCommand command = new BatchCommand(batchSize, false);
        ReencryptionJob started = job.startReencryption(command, ApiTokenGuard.actor(ctx));
        ctx.status(202).header("Location", REENCRYPTION).json(ReencryptionJobResponse.of(started));
    }

    private void progress(Context ctx) {
        QueryParams.of(ctx, Set.of());
        ctx.json(ReencryptionJobResponse.of(job.reencryptionJob()));
    }

    private void jobs(Context ctx) {
        QueryParams query = QueryParams.of(ctx, Set.of("skip", "take"));
        PageRequest page = new PageRequest(query.count("skip").orElse(0),
                query.count("take").orElse(PageRequest.DEFAULT_TAKE));
        ctx.json(JobPageResponse.of(jobs.listJobs(page)));
    }

    private void status(Context ctx) {
        QueryParams.of(ctx, Set.of());
        ctx.json(VerifyStatusResponse.of(verify.verifyRecords(ProgressListener.NONE)));
    }
}
