#!/usr/bin/env bash
# Creates or updates the console's three database roles and readies one database for them (see README, "Database
# roles"), as a superuser through psql; running it again changes nothing but the passwords given.
#   scripts/db-roles.sh [database [psql connection option ...]]
# Without arguments (as in docker-entrypoint-initdb.d): the database POSTGRES_DB, as the user POSTGRES_USER.
#   owner   POLICYCONSOLE_DB_OWNER_USER   (policyconsole_owner)    owns every object; Flyway migrates as it
#   app     POLICYCONSOLE_DB_USER         (policyconsole_app)      the console at runtime
#   auditor POLICYCONSOLE_DB_AUDITOR_USER (policyconsole_auditor)  reads the audit views and the chain
# Each gets the password of POLICYCONSOLE_DB_OWNER_PASSWORD, POLICYCONSOLE_DB_PASSWORD, POLICYCONSOLE_DB_AUDITOR_PASSWORD
# when that is set (otherwise its password is left as it is). None is a superuser or may create roles or databases,
# replicate or bypass row security, and the runtime and auditor roles are members of no other role; a role of these
# names that is a superuser is refused, never demoted.
# The tables, functions and grants themselves are the migrations' (Flyway runs them as the owner).
set -euo pipefail

database=${1:-${POSTGRES_DB:-postgres}}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- --username "${POSTGRES_USER:-postgres}"
owner=${POLICYCONSOLE_DB_OWNER_USER:-policyconsole_owner}
app=${POLICYCONSOLE_DB_USER:-policyconsole_app}
auditor=${POLICYCONSOLE_DB_AUDITOR_USER:-policyconsole_auditor}

for name in "$owner" "$app" "$auditor"; do
  if ! [[ $name =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || [ "$name" = postgres ]; then
    echo "db-roles.sh: '$name' is not a role name this script manages (lower case letters, digits, _; not postgres)" >&2
    exit 2
  fi
done
if [ "$owner" = "$app" ] || [ "$owner" = "$auditor" ] || [ "$app" = "$auditor" ]; then
  echo "db-roles.sh: the owner, runtime and auditor roles must be three different roles" >&2
  exit 2
fi
if ! [[ $database =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]]; then
  echo "db-roles.sh: '$database' is not a database name this script manages" >&2
  exit 2
fi

# A password as an SQL literal (standard conforming strings: only the quote is doubled). The statements reach psql on
# its standard input, never its command line, so that no password shows in the process list.
literal() { printf "'%s'" "${1//\'/\'\'}"; }
password() { [ -z "$2" ] || printf 'ALTER ROLE %s PASSWORD %s;\n' "$1" "$(literal "$2")"; }

{
  cat <<SQL
DO \$\$
DECLARE
    r RECORD;
BEGIN
    FOR r IN SELECT rolname FROM pg_roles WHERE rolname IN ('$owner', '$app', '$auditor') AND rolsuper LOOP
        RAISE EXCEPTION 'role % is a superuser: the console''s roles must not be (choose other names)', r.rolname;
    END LOOP;
    FOR r IN SELECT n.name FROM unnest(ARRAY['$owner', '$app', '$auditor']) AS n(name)
              WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = n.name) LOOP
        EXECUTE format('CREATE ROLE %I', r.name);
    END LOOP;
END
\$\$;
ALTER ROLE $owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE $app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE $auditor LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
-- auditors only ever read
ALTER ROLE $auditor SET default_transaction_read_only = on;
-- the console and auditors act in no other role's name (the owner's, or one that reads or writes all data)
DO \$\$
DECLARE
    r RECORD;
BEGIN
    FOR r IN SELECT m.roleid::regrole AS granted, m.member::regrole AS member FROM pg_auth_members m
              WHERE m.member IN ('$app'::regrole, '$auditor'::regrole) LOOP
        EXECUTE format('REVOKE %s FROM %s', r.granted, r.member);
    END LOOP;
END
\$\$;
SQL
  password "$owner" "${POLICYCONSOLE_DB_OWNER_PASSWORD:-}"
  password "$app" "${POLICYCONSOLE_DB_PASSWORD:-}"
  password "$auditor" "${POLICYCONSOLE_DB_AUDITOR_PASSWORD:-}"
  cat <<SQL
-- only these roles connect; only the owner creates objects (it owns the schema) or temporary tables
REVOKE ALL ON DATABASE "$database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE "$database" TO $owner;
GRANT CONNECT ON DATABASE "$database" TO $app, $auditor;
ALTER SCHEMA public OWNER TO $owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- objects an older console migrated as another user (postgres) pass to the owner, so that Flyway can go on as it;
-- an extension's objects stay its own
DO \$\$
DECLARE
    r RECORD;
BEGIN
    FOR r IN SELECT c.oid::regclass AS name, CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                                            WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
               FROM pg_class c
              WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> '$owner'::regrole
                AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                   AND (d.deptype = 'e'
                                        -- a column's sequence goes with its table
                                        OR c.relkind = 'S' AND d.deptype IN ('a', 'i'))) LOOP
        EXECUTE format('ALTER %s %s OWNER TO %I', r.kind, r.name, '$owner');
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
              WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '$owner'::regrole
                AND p.prokind IN ('f', 'p')
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                   AND d.deptype = 'e') LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, '$owner');
    END LOOP;
END
\$\$;
SQL
} | "${PSQL:-psql}" -X -q -v ON_ERROR_STOP=1 --dbname "$database" "$@"
