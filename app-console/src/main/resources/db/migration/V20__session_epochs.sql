-- Revocable sessions (see README, "Security"): each user's session epoch, which every session cookie must carry. A
-- logout, a password change, disabling the user or a change of roles advances it, ending the user's other sessions on
-- every console within the accounts' keeping time (2 s). Not part of the audit state: the changes that advance it are.
CREATE TABLE session_epoch (
    username  VARCHAR(64)  PRIMARY KEY CHECK (username = lower(username)),
    epoch     BIGINT       NOT NULL CHECK (epoch > 0)
);
