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

    /** Reason stored on jobs this instance was running when it stopped without finishing them. */
    public static final String INTERRUPTED_BY_RESTART = "interrupted by restart";
    static final String TASK_NAME = "xiaoche-job";

    private static final Logger log = LoggerFactory.getLogger(JobScheduling.class);

    static String instanceId(long jobId) {
        return "job-" + jobId;
    }

    @Bean
    OneTimeTask<Long> jobTask(@Lazy JobRunner runner, JobRepository jobs) {
        return Tasks.oneTime(TASK_NAME, Long.class)
                .onDeadExecution(new FailDeadJob(jobs))
                .execute((instance, context) -> runner.run(instance.getData()));
    }

    @Bean
    Scheduler jobScheduler(DataSource dataSource, OneTimeTask<Long> jobTask, XiaocheProperties properties) {
        Duration heartbeat = Duration.ofSeconds(properties.jobs().heartbeatSeconds());
        return Scheduler.create(dataSource, jobTask)
                .schedulerName(new SchedulerName.Fixed(properties.instanceName()))
                .threads(properties.jobs().threads())
                .pollingInterval(Duration.ofSeconds(2))
                .heartbeatInterval(heartbeat)
                .enableImmediateExecution()
                .build();
    }

    /**
     * Starts the queue once the context is up, after failing the jobs this instance was running when
     * it last stopped: they cannot resume, and must never be left looking as if they were running.
     */
    @Bean
    SmartLifecycle jobSchedulerLifecycle(Scheduler scheduler, JobRepository jobs, XiaocheProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                List<Long> interrupted = jobs.failRunning(properties.instanceName(), INTERRUPTED_BY_RESTART);
                if (!interrupted.isEmpty()) {
                    log.warn("jobs {} were interrupted by a restart of {} and are marked failed", interrupted, properties.instanceName());
                }
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
    private record FailDeadJob(JobRepository jobs) implements DeadExecutionHandler<Long> {
        @Override
        public void deadExecution(ExecutionComplete dead, ExecutionOperations<Long> operations) {
            Execution execution = dead.getExecution();
            Object data = execution.taskInstance.getData();
            if (data instanceof Long jobId) {
                jobs.findById(jobId).filter(j -> j.state() == JobState.RUNNING).ifPresent(j ->
                        jobs.finish(jobId, JobState.FAILED, "interrupted: instance " + execution.pickedBy + " stopped", JobResult.NONE));
            }
            operations.remove();
        }
    }
}
