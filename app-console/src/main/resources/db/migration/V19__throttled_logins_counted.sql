-- Logins refused unchecked because they had to wait are counted, not each appended (see README, "Login"): one row per
-- account name, client address and minute, with the count. The first of each window is still a login event and a
-- record of the audit chain (LOGIN_THROTTLED); the rest only raise the count, so anonymous requests cannot grow the
-- log and the chain one row per request. Windows older than a day are dropped as new ones are counted.
CREATE TABLE login_throttle_window (
    username      VARCHAR(64)  NOT NULL,
    address       VARCHAR(64)  NOT NULL,
    window_start  TIMESTAMPTZ  NOT NULL,
    attempts      INTEGER      NOT NULL CHECK (attempts > 0),
    PRIMARY KEY (username, address, window_start)
);
CREATE INDEX login_throttle_window_start_idx ON login_throttle_window (window_start);
