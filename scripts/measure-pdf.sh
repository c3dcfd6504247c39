#!/usr/bin/env bash
# Measures the invoice PDF render time, warm (median of 100 renders), for a one-page and a 200-line invoice (issue 12).
# Release build; prints the figures. Usage: scripts/measure-pdf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MOTORTRACE_BENCHMARK=1 dotnet test MotorTrace.Tests -c Release --filter "FullyQualifiedName~DocumentBenchmark" \
    --logger "console;verbosity=detailed" 2>&1 | grep -E "invoice|Passed|Failed" 
