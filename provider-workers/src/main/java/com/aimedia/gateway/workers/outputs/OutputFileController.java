package com.aimedia.gateway.workers.outputs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.storage.LocalOutputLinks;
import com.aimedia.gateway.storage.OutputKey;

/**
 * Serves outputs of the local store to whoever holds a valid signed link. Range requests
 * are answered (206), so a browser can seek in a video; every file goes out with its
 * media type, its length, {@code nosniff} and a download name. A wrong signature is 404
 * (nothing to learn); an output deleted after its retention is 410
 * {@code output_expired}; an expired link to a kept output is 410 {@code url_expired}
 * (GET the task for a fresh one).
 */
@RestController
class OutputFileController {

    private final ConfiguredStore configured;

    private final Clock clock;

    OutputFileController(ConfiguredStore configured, Clock clock) {
        this.configured = configured;
        this.clock = clock;
    }

    @GetMapping("/files/{retention}/{taskId}/{file}")
    ResponseEntity<?> file(@PathVariable String retention, @PathVariable String taskId, @PathVariable String file,
            @RequestParam(defaultValue = "0") long expires, @RequestParam(defaultValue = "") String signature) {
        if (!(configured instanceof ConfiguredStore.Local local)) {
            return notFound();
        }
        String key = retention + "/" + taskId + "/" + file;
        LocalOutputLinks.Access access = local.links().check(key, expires, signature, clock.instant());
        if (access == LocalOutputLinks.Access.FORBIDDEN) {
            return notFound();
        }
        // a valid signature means the output was stored: if it is gone, its retention
        // ended
        Optional<Path> path = local.store().find(key);
        if (path.isEmpty()) {
            return problem(HttpStatus.GONE, "output_expired",
                    "This output was deleted at the end of its retention period.");
        }
        if (access == LocalOutputLinks.Access.EXPIRED) {
            return problem(HttpStatus.GONE, "url_expired",
                    "This download URL has expired; GET the task again for a fresh one.");
        }
        return serve(path.get(), OutputKey.parse(key).orElseThrow());
    }

    private static ResponseEntity<?> serve(Path path, OutputKey key) {
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(key.contentType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, key.contentDisposition())
            .header("X-Content-Type-Options", "nosniff")
            .header(HttpHeaders.ACCEPT_RANGES, "bytes")
            .cacheControl(CacheControl.noStore())
            .body(new FileSystemResource(path));
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND, "file_not_found", "No such file.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .header("X-Content-Type-Options", "nosniff")
            .body(problem);
    }

}
