package com.aimedia.gateway.api.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Renders the errors Tomcat answers before Spring sees the request (an encoded slash in a
 * path, a malformed URL) as the same problem details as every other error, instead of
 * Tomcat's HTML page with its version in it.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status >= 500 ? "internal_error" : status == 404 ? "not_found" : "invalid_request";
        String detail = status >= 500 ? "The server could not handle the request." : "The request URL is not valid.";
        byte[] body = ("{\"title\":\"" + (status >= 500 ? "Internal Server Error" : "Bad Request") + "\",\"status\":"
                + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        try {
            // bytes, not a writer: a writer would append a charset to the media type,
            // unlike every other error
            response.setContentType("application/problem+json");
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        }
        catch (IOException | IllegalStateException e) {
            // the client went away or the response is committed: nothing more to say
        }
    }

}
