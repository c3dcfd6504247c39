#!/usr/bin/env bash
# Generates one migration from the model for each database provider (ADR-008):
#   scripts/add-migration.sh AddInvoices                 # Sqlite, Postgres and SqlServer
#   scripts/add-migration.sh AddInvoices Postgres        # one provider
# Each provider's migrations live in MotorTrace.Migrations.<Provider>/Migrations. Review them, then run
# `dotnet test --filter Category=Schema` (it fails while any provider lacks the migration).
set -euo pipefail
cd "$(dirname "$0")/.."

name=${1:?usage: scripts/add-migration.sh MigrationName [Sqlite|Postgres|SqlServer ...]}
shift
providers=("$@")
if [ ${#providers[@]} -eq 0 ]; then providers=(Sqlite Postgres SqlServer); fi

dotnet tool restore > /dev/null
for provider in "${providers[@]}"; do
    echo "== $provider"
    dotnet restore --verbosity quiet "MotorTrace.Migrations.$provider"
    dotnet ef migrations add "$name" --project "MotorTrace.Migrations.$provider" -- --provider "$provider"
done
