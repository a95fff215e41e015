-- The console's users: form login checks the bcrypt hash, and the roles decide what each user may do.
CREATE TABLE console_user (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{3,64}$'),
    password_hash  VARCHAR(100) NOT NULL CHECK (password_hash ~ '^\$2[aby]?\$[0-9]{2}\$[./A-Za-z0-9]{53}$'),
    roles          VARCHAR(64)  NOT NULL CHECK (roles ~ '^(operator|auditor|admin)(,(operator|auditor|admin))*$'),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- User names are unique whatever their case: "Alice" and "alice" are the same person at login.
CREATE UNIQUE INDEX console_user_username_idx ON console_user (lower(username));
