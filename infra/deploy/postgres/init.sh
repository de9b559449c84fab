#!/bin/sh
# Compose only: run once by the postgres image when it initialises an empty data directory
# (/docker-entrypoint-initdb.d). The same layout as infra/src/postgres/provision.ts: one login
# role and one schema per subgraph, owned by that role, nothing granted to PUBLIC; plus the
# gateway's role, whose schema holds the shared rate-limit table. For a production database,
# run the same statements with a strong password per role.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v dbname="$POSTGRES_DB" <<'SQL'
REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE CREATE, TEMPORARY ON DATABASE :"dbname" FROM PUBLIC;
-- Extensions need rights the service roles lack: installed here, in a schema each role may use.
CREATE SCHEMA extensions;
REVOKE ALL ON SCHEMA extensions FROM PUBLIC;
CREATE EXTENSION pg_trgm WITH SCHEMA extensions;
SQL

# Subgraph schemas (schema/contract/src/subgraphs.ts, '-' becomes '_'), then the gateway.
for role in tarbie_bilim atameken rukhani_qazyna aqparat_tolqyny project_office notifications gateway; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v dbname="$POSTGRES_DB" -v role="$role" -v password="$RZ_SERVICE_DB_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
CREATE SCHEMA :"role" AUTHORIZATION :"role";
REVOKE ALL ON SCHEMA :"role" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"dbname" TO :"role";
GRANT USAGE ON SCHEMA extensions TO :"role";
ALTER ROLE :"role" IN DATABASE :"dbname" SET search_path = :"role";
SQL
done
