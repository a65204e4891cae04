package org.xiaoche.web.job;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Progress of background jobs, for the progress bar, and cancelling them. */
@RestController
@RequestMapping("/api/jobs")
public class JobController {

    private final JobService jobs;

    public JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    public JobView get(@PathVariable long id) {
        return JobView.of(jobs.get(id));
    }

    @PostMapping("/{id}/cancel")
    public JobView cancel(@PathVariable long id) {
        return JobView.of(jobs.cancel(id));
    }
}
