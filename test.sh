#!/usr/bin/env bash
# The one test command: installs the Debian packages the tests talk to (real Modbus, MQTT,
# Prometheus, PostgreSQL and Chromium peers), builds everything, runs every test project and ends
# with one line: "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

peers=(mbpoll python3-pymodbus mosquitto mosquitto-clients prometheus postgresql chromium chromium-driver)
missing=()
for p in "${peers[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  echo "Installing test peers: ${missing[*]}"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "Tests: 0 passed, 1 failed"; exit 1; }
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

echo "Building..."
if ! dotnet build EnergyTap.slnx -c Release -nologo -v quiet; then
  echo "Build failed."
  echo "Tests: 0 passed, 1 failed"
  exit 1
fi

# Every test project runs at once, each into its own folder; a hung test is killed and counted
# as failed rather than stalling CI.
noise='^(Additionally, path to test adapters|No test is available|Data collector .Blame|Results File:|A total of .* test files|Test run for|VSTest version|Starting test execution|\s*$)'
pids=()
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  mkdir -p "$results/$name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger trx --logger "console;verbosity=minimal" --results-directory "$results/$name" \
    --blame-hang-timeout 5m -- RunConfiguration.TreatNoTestsAsError=false >"$results/$name.log" 2>&1 &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
for log in "$results"/*.log; do grep -v -E "$noise" "$log"; done

passed=0; failed=0; skipped=0
for trx in "$results"/*/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx")
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if ((status != 0 && failed == 0)); then failed=1; fi   # the runner itself failed (crash, hang)

summary="Tests: $passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
((failed == 0))
