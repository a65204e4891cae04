package org.xiaoche.web.job;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Progress of background jobs, for the progress bar, and cancelling them. */
@RestController
@RequestMapping("/api/jobs")
public class JobController {

    private final JobService jobs;
    private final JobRepository repository;

    public JobController(JobService jobs, JobRepository repository) {
        this.jobs = jobs;
        this.repository = repository;
    }

    /** The job; a failed job's problems only to the user who started it (they may name that user's student ids). */
    @GetMapping("/{id}")
    public JobView get(@PathVariable long id, Authentication auth) {
        Job job = jobs.get(id);
        boolean own = auth != null && auth.getName().equals(job.createdBy());
        return JobView.of(job, own && job.state() == JobState.FAILED ? repository.findProblems(id) : List.of());
    }

    @PostMapping("/{id}/cancel")
    public JobView cancel(@PathVariable long id) {
        return JobView.of(jobs.cancel(id));
    }
}
