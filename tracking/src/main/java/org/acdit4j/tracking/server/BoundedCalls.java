package org.acdit4j.tracking.server;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;

/**
 * Runs MLflow client calls on a daemon thread with a deadline, because the client has no socket timeouts: a
 * server that accepts connections but never answers would otherwise block training forever. A call that
 * misses its deadline leaves its thread behind (a daemon) and the next call gets a fresh thread. Every failure
 * becomes a {@link ServerCallException} whose message has no secret.
 */
final class BoundedCalls implements AutoCloseable {

    private final Duration timeout;
    private final ServerCredentials credentials;
    private ExecutorService executor = newExecutor();

    BoundedCalls(Duration timeout, ServerCredentials credentials) {
        this.timeout = timeout;
        this.credentials = credentials;
    }

    synchronized <T> T call(String what, Callable<T> call) {
        Future<T> future = executor.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            throw new ServerCallException(what + ": no answer from " + credentials.host() + " within "
                    + timeout.toSeconds() + " s", true, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerCallException(what + ": interrupted", true, 0, null);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        }
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    private ServerCallException failure(String what, Throwable cause) {
        if (cause instanceof MlflowHttpException http) {
            int status = http.getStatusCode();
            String body = http.getBodyMessage() == null ? "" : http.getBodyMessage().replaceAll("\\s+", " ");
            String message = what + ": HTTP " + status + " " + http.getReasonPhrase() + " "
                    + body.substring(0, Math.min(body.length(), 300));
            return new ServerCallException(credentials.scrub(message.strip()), status == 429 || status >= 500, status, null);
        }
        Throwable root = cause instanceof MlflowClientException && cause.getCause() != null ? cause.getCause() : cause;
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ServerCallException(credentials.scrub(what + ": " + reason), true, 0, null);
    }

    @Override
    public synchronized void close() {
        executor.shutdownNow();
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mlflow-client-call");
            thread.setDaemon(true);
            return thread;
        });
    }
}
