package com.aimedia.gateway.workers.outputs;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored outputs to whoever holds a valid signed URL. A wrong signature or an unknown file is 404 (nothing
 * to learn); an expired URL is 410 (ask the task again for a fresh one).
 */
@RestController
@ConditionalOnProperty("gateway.workers.public.base-url")
class OutputFileController {

    private final OutputStore store;
    private final OutputUrls urls;

    OutputFileController(OutputStore store, OutputUrls urls) {
        this.store = store;
        this.urls = urls;
    }

    @GetMapping("/files/{taskId}/{file}")
    ResponseEntity<?> file(@PathVariable String taskId, @PathVariable String file,
            @RequestParam(defaultValue = "0") long expires, @RequestParam(defaultValue = "") String signature) {
        return switch (urls.check(taskId + "/" + file, expires, signature)) {
            case FORBIDDEN -> problem(HttpStatus.NOT_FOUND, "file_not_found", "No such file.");
            case EXPIRED -> problem(HttpStatus.GONE, "url_expired",
                    "This download URL has expired; GET the task again for a fresh one.");
            case GRANTED -> store.find(taskId, file)
                .<ResponseEntity<?>>map(OutputFileController::serve)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "file_not_found", "No such file."));
        };
    }

    private static ResponseEntity<?> serve(Path path) {
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(MediaTypes.contentTypeOf(path.getFileName().toString())))
            .cacheControl(CacheControl.noStore())
            .body(new FileSystemResource(path));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
