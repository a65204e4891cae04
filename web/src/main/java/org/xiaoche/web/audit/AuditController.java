package org.xiaoche.web.audit;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.web.system.ApiException;

import java.util.List;

/** The audit log, newest first, page by page: admins only (see SecurityConfiguration). */
@RestController
public class AuditController {

    static final int MAX_PAGE_SIZE = 500;

    public record AuditPage(int page, int size, long total, List<AuditLog.Event> events) {
    }

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    public AuditPage page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        return new AuditPage(page, size, audit.count(), audit.page(page, size));
    }
}
