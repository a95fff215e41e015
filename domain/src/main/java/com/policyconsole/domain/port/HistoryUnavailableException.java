package com.policyconsole.domain.port;

/** The request history cannot be read or written (e.g. the database is down). */
public class HistoryUnavailableException extends RuntimeException {

    public HistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
