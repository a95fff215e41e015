package com.policyconsole.console.reliability;

import com.policyconsole.adapter.out.http.CallLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Listens to the cloud adapters' call log (one line per attempt, {@link CallLog}) while installed, so that a test
 * sees what each submission sent and what came back — attempt by attempt, as the console itself saw it.
 */
final class CallLogRecorder extends Handler implements AutoCloseable {

    private static final Pattern LINE = Pattern.compile("cloud call (\\S+ \\S+) status=(\\S+)"
            + "(?: failure=\"([^\"]*)\" detail=\".*\")? duration=(\\d+)ms request_id=\\S+ attempt=(\\d+)/(\\d+)"
            + "(?: retry_in=(\\d+)ms)?");

    /** One attempt of a call: its target (method and path template), HTTP status or failure, and the wait after it. */
    record Attempt(String target, Integer status, String failure, int attempt, int maxAttempts, Long retryInMs,
                   Instant loggedAt) {

        boolean answered() {
            return status != null;
        }

        @Override
        public String toString() {
            return (answered() ? "HTTP " + status : failure) + " (attempt " + attempt + "/" + maxAttempts
                    + (retryInMs == null ? "" : ", retry in " + retryInMs + " ms") + ")";
        }
    }

    private final Logger logger = Logger.getLogger(CallLog.class.getName());
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    private CallLogRecorder() {
    }

    /** Starts listening; {@link #close()} stops. */
    static CallLogRecorder install() {
        CallLogRecorder recorder = new CallLogRecorder();
        recorder.logger.addHandler(recorder);
        return recorder;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        Matcher m = LINE.matcher(message);
        if (!m.matches()) {
            unreadable.add(message);
            return;
        }
        attempts.add(new Attempt(m.group(1), "-".equals(m.group(2)) ? null : Integer.valueOf(m.group(2)), m.group(3),
                Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                m.group(7) == null ? null : Long.valueOf(m.group(7)), record.getInstant()));
    }

    /** A position to read from later with {@link #since}. */
    synchronized int mark() {
        return attempts.size();
    }

    /** The attempts logged for {@code target} since {@code mark}, in order. */
    synchronized List<Attempt> since(int mark, String target) {
        return attempts.subList(mark, attempts.size()).stream().filter(a -> a.target().equals(target)).toList();
    }

    /** Call-log lines this recorder could not read: the log format changed and the test must follow. */
    synchronized List<String> unreadable() {
        return new ArrayList<>(unreadable);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
