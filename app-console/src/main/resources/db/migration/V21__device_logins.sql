-- Device cookies (see README, "Login"): a browser that logged in to an account before counts its failures under its
-- own key (DEVICE, a digest of the name and the cookie's ID), so that a stranger's failures lock the name for others
-- but not for the owner's browser.
ALTER TABLE login_counter DROP CONSTRAINT login_counter_kind_check;
ALTER TABLE login_counter ADD CONSTRAINT login_counter_kind_check CHECK (kind IN ('ACCOUNT', 'ADDRESS', 'DEVICE'));
