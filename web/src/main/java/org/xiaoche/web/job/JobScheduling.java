package org.xiaoche.web.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.xiaoche.web.system.XiaocheProperties;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * The job queue is db-scheduler on the application's own database (PostgreSQL or H2), so several
 * instances can share one database and its queue. Our {@code job} table stays the truth about a
 * job; db-scheduler only decides which instance runs it and notices instances that died.
 */
@Configuration
public class JobScheduling {

    /** Reason stored on jobs whose instance stopped (crash, kill, restart) before they ended. */
    public static final String INTERRUPTED = "interrupted: the instance running it stopped before it ended; start it again";
    static final String TASK_NAME = "xiaoche-job";

    private static final Logger log = LoggerFactory.getLogger(JobScheduling.class);

    static String instanceId(long jobId) {
        return "job-" + jobId;
    }

    @Bean
    OneTimeTask<Long> jobTask(@Lazy JobRunner runner, JobRepository jobs, @Lazy JobUploads uploads,
                              ObjectProvider<CrashRecovery> recoveries) {
        return Tasks.oneTime(TASK_NAME, Long.class)
                .onDeadExecution(new FailDeadJob(jobs, uploads, recoveries))
                .execute((instance, context) -> runner.run(instance.getData()));
    }

    @Bean
    Scheduler jobScheduler(DataSource dataSource, OneTimeTask<Long> jobTask, XiaocheProperties properties, Instances instances) {
        Duration heartbeat = Duration.ofSeconds(properties.jobs().heartbeatSeconds());
        return Scheduler.create(dataSource, jobTask)
                .schedulerName(new SchedulerName.Fixed(instances.self()))
                .threads(properties.jobs().threads())
                .pollingInterval(Duration.ofSeconds(2))
                .heartbeatInterval(heartbeat)
                .enableImmediateExecution()
                .build();
    }

    /**
     * Starts the queue once the context is up, after failing the jobs that instances no longer alive were
     * running (they cannot resume, and must never be left looking as if they were running) and cleaning up
     * what those jobs left behind.
     */
    @Bean
    SmartLifecycle jobSchedulerLifecycle(Scheduler scheduler, JobRepository jobs, Instances instances, JobUploads uploads,
                                         ObjectProvider<CrashRecovery> recoveries) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                List<Long> interrupted = jobs.failRunningOfDeadWorkers(instances::isAlive, INTERRUPTED);
                if (!interrupted.isEmpty()) {
                    log.warn("jobs {} were cut off when their instance stopped and are marked failed", interrupted);
                }
                interrupted.forEach(id -> jobs.findById(id).ifPresent(uploads::release));
                recoveries.orderedStream().forEach(CrashRecovery::recover);
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /**
     * An instance stopped heart-beating while running a job (crash, kill, lost machine): the job
     * fails with a reason instead of silently running again, and its queue entry is removed.
     */
    private record FailDeadJob(JobRepository jobs, JobUploads uploads, ObjectProvider<CrashRecovery> recoveries) implements DeadExecutionHandler<Long> {
        @Override
        public void deadExecution(ExecutionComplete dead, ExecutionOperations<Long> operations) {
            Execution execution = dead.getExecution();
            Object data = execution.taskInstance.getData();
            // Queued too: the instance may have died between taking the entry and claiming the job.
            if (data instanceof Long jobId && jobs.findById(jobId).filter(j -> !j.state().finished()).isPresent()) {
                jobs.finish(jobId, JobState.FAILED, INTERRUPTED, JobResult.NONE);
                jobs.findById(jobId).ifPresent(uploads::release);
                log.warn("job {} was cut off when instance {} stopped and is marked failed", jobId, execution.pickedBy);
                recoveries.orderedStream().forEach(CrashRecovery::recover);
            }
            operations.remove();
        }
    }
}
