package org.rekey.adapter.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.rekey.application.audit.Actor;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.job.Job;
import org.rekey.application.job.JobCounts;
import org.rekey.application.job.JobKind;
import org.rekey.application.job.JobState;
import org.rekey.application.port.out.JobStorePort;
import org.rekey.domain.error.RekeyException;

/**
 * Jobs in {@code job}, through JPA: a save compares the version the caller read and lets JPA's {@code @Version}
 * guard the update itself; the table's unique {@code running} column allows one running job.
 */
public final class JobRepository implements JobStorePort {

    static final String ONE_RUNNING = "job_one_running";
    private static final short RUNNING = 1;

    private final ThreadBoundTransactions transactions;

    JobRepository(ThreadBoundTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Job insertJob(Job job) {
        return transactions.call(em -> {
            JobEntity row = new JobEntity();
            row.id = job.id();
            row.kind = job.kind().wireName();
            row.startedAt = job.startedAt();
            row.actorKind = job.actor().kind().wireName();
            row.actorId = job.actor().id();
            row.actorLabel = job.actor().label();
            copy(job, row);
            em.persist(row);
            em.flush();
            em.detach(row);
            return toDomain(row);
        }, e -> StorageErrors.violates(e, ONE_RUNNING)
                ? new RekeyException(ApplicationErrorCode.JOB_RUNNING, "another job started at the same moment", e)
                : StorageErrors.failure("saving a job", e));
    }

    @Override
    public Optional<Job> updateJob(Job job) {
        return transactions.call(em -> {
            JobEntity row = em.find(JobEntity.class, job.id());
            if (row == null || row.version != job.version()) {
                return Optional.<Job>empty();
            }
            copy(job, row);
            em.flush();
            em.detach(row);
            return Optional.of(toDomain(row));
        }, e -> e instanceof OptimisticLockException
                ? new RekeyException(ApplicationErrorCode.JOB_RUNNING, "another instance changed job " + job.id()
                        + " at the same moment", e)
                : StorageErrors.failure("saving a job", e));
    }

    @Override
    public Optional<Job> runningJob() {
        return first(em -> em.createQuery("select j from JobEntity j where j.running = 1", JobEntity.class)
                .getResultList(), "reading the running job");
    }

    @Override
    public Optional<Job> latestJob(JobKind kind) {
        return first(em -> em.createQuery("select j from JobEntity j where j.kind = :kind"
                        + " order by j.startedAt desc, j.id desc", JobEntity.class)
                .setParameter("kind", kind.wireName()).setMaxResults(1).getResultList(), "reading the latest job");
    }

    @Override
    public List<Job> listJobs(int skip, int take) {
        return transactions.read(em -> em.createQuery("select j from JobEntity j order by j.startedAt desc, j.id desc",
                        JobEntity.class).setFirstResult(skip).setMaxResults(take).getResultList().stream()
                .map(JobRepository::toDomain).toList(), e -> StorageErrors.failure("listing jobs", e));
    }

    @Override
    public long countJobs() {
        return transactions.read(em -> em.createQuery("select count(j) from JobEntity j", Long.class)
                .getSingleResult(), e -> StorageErrors.failure("counting jobs", e));
    }

    private Optional<Job> first(Function<EntityManager, List<JobEntity>> query, String action) {
        return transactions.read(em -> query.apply(em).stream().findFirst().map(JobRepository::toDomain),
                e -> StorageErrors.failure(action, e));
    }

    /** The fields a job's saves change; id, kind, actor and start stay as inserted. */
    private static void copy(Job job, JobEntity row) {
        row.state = job.state().wireName();
        row.running = job.state() == JobState.RUNNING ? RUNNING : null;
        row.instance = job.instance();
        row.heartbeatAt = job.heartbeatAt();
        row.finishedAt = job.finishedAt().orElse(null);
        row.done = job.counts().done();
        row.total = job.counts().total();
        row.failed = job.counts().failed();
        row.lastError = job.lastError().orElse(null);
    }

    private static Job toDomain(JobEntity row) {
        return new Job(row.id, JobKind.fromWire(row.kind), JobState.fromWire(row.state), row.instance,
                new Actor(Actor.Kind.fromWire(row.actorKind), row.actorId, row.actorLabel), row.startedAt,
                row.heartbeatAt, Optional.ofNullable(row.finishedAt), new JobCounts(row.done, row.total, row.failed),
                Optional.ofNullable(row.lastError), row.version);
    }
}
