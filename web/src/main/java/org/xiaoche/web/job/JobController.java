package org.xiaoche.web.job;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.xiaoche.web.system.ApiException;

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

    /**
     * Planners cancel any job; other users only the jobs they started (an operator's own export).
     *
     * @throws ApiException 403 for another user's job
     */
    @PostMapping("/{id}/cancel")
    public JobView cancel(@PathVariable long id, Authentication auth) {
        boolean planner = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_PLANNER"));
        if (!planner && !auth.getName().equals(jobs.get(id).createdBy())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "only planners cancel jobs other users started");
        }
        return JobView.of(jobs.cancel(id));
    }
}
