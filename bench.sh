#!/usr/bin/env bash
# Scenario benchmarks: builds the energytap CLI and the scenario runner in Release, then runs
#   ./bench.sh                 all scenarios (sunspec, proxy, footprint, fleet, manage)
#   ./bench.sh fleet           one scenario; options go to it, e.g.
#   ./bench.sh fleet --devices 200 --minutes 1 --warmup 20 --store sqlite
# Results: a table per scenario on stdout, bench/results/<scenario>.json and bench/results/results.md.
# Everything listens on loopback only. Numbers are as noisy as the machine is busy: each result
# records the load average before and after.
#
# Options (defaults are the issue's sizes):
#   fleet      --devices 1000 (aGates, and as many PVS)  --minutes 2 (measured)  --warmup 30 (seconds)
#              --store both|sqlite|postgres (postgres needs /usr/lib/postgresql/15; skipped otherwise)
#   proxy      --clients 1000  --seconds 5
#   sunspec    --repetitions 15
#   footprint  --steady 30 (seconds after the first reading before sampling memory)
set -euo pipefail
cd "$(dirname "$0")"

echo "Building (Release)..."
dotnet build src/EnergyTap.Cli -c Release -nologo -v quiet
dotnet build bench/EnergyTap.Scenarios -c Release -nologo -v quiet

# 2,000 simulated devices and their connections need more than the common 1,024 descriptors.
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

exec dotnet bench/EnergyTap.Scenarios/bin/Release/net10.0/EnergyTap.Scenarios.dll "$@"
