package com.policyconsole.console.adapter.out.persistence;

/**
 * One entry with the request as it was sent (secrets masked) and the response.
 *
 * @param row the entry
 * @param requestMethod HTTP method
 * @param requestUrl URL
 * @param requestHeaders header lines, secrets masked
 * @param requestBody JSON body
 * @param responseBody response body, null when none arrived
 * @param resolvedBy the succeeded retry that completed this entry's delivery, or null
 */
public record HistoryDetail(HistoryRow row, String requestMethod, String requestUrl, String requestHeaders,
                            String requestBody, String responseBody, Long resolvedBy) {
}
