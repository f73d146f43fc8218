#!/usr/bin/env bash
# Adds every new public symbol to the packages' PublicAPI.Unshipped.txt (the RS0016 code fix).
# Review the diff: every public-surface change should be a deliberate one.
set -euo pipefail
cd "$(dirname "$0")/.."
for p in src/*/*.csproj; do
  dotnet format analyzers "$p" --diagnostics RS0016 RS0017 --severity error
done
