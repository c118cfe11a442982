#!/usr/bin/env bash
# The one test command: installs the Debian packages the tests talk to (real Modbus, MQTT,
# Prometheus, PostgreSQL and Chromium peers), builds everything, runs every test project and ends
# with one line: "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

# Each peer with everything it needs to run. Recommends stay off (a lean install), so what a peer
# only recommends but the tests use is named here: pymodbus imports pyserial and its asyncio part.
peers=(mbpoll python3-pymodbus python3-serial python3-serial-asyncio mosquitto mosquitto-clients
       prometheus postgresql chromium chromium-driver)
fail() { echo "$1"; echo "Tests: 0 passed, 1 failed"; exit 1; }

missing=()
for p in "${peers[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing test peers: ${missing[*]}"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo=sudo
  out=$($sudo apt-get update -qq 2>&1) || fail "apt-get update failed ($(tail -n 1 <<<"$out")); cannot install ${missing[*]}"
  out=$(DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" 2>&1) \
    || fail "could not install the test peers ${missing[*]}: $(tail -n 1 <<<"$out")"
fi

# An installed package is not yet a peer that runs: start each one once, and name the missing piece.
check() {
  local what=$1; shift
  local out last
  out=$(timeout 60 "$@" 2>&1) && return
  last=$(grep -v '^[[:space:]]*$' <<<"$out" | tail -n 1)
  fail "test peer $what does not run: ${last:-it printed nothing}"
}
py=/usr/bin/python3   # Debian's python3-* packages live in the system interpreter, not in a pyenv or venv
check "mbpoll (package mbpoll)" mbpoll -V
for module in serial serial_asyncio pymodbus pymodbus.client pymodbus.server.async_io pymodbus.framer.rtu_framer; do
  check "pymodbus: python module $module (packages python3-pymodbus, python3-serial, python3-serial-asyncio)" \
    "$py" -c "import $module"
done
check "mosquitto (package mosquitto)" sh -c 'mosquitto -h | grep "^mosquitto version"'   # -h exits 3 by design
check "mosquitto_pub (package mosquitto-clients)" sh -c 'mosquitto_pub --help | grep "^mosquitto_pub version"'
check "prometheus (package prometheus)" prometheus --version
check "promtool (package prometheus)" promtool --version
check "PostgreSQL initdb (package postgresql)" /usr/lib/postgresql/15/bin/initdb --version
check "PostgreSQL server (package postgresql)" /usr/lib/postgresql/15/bin/postgres --version
check "chromium (package chromium)" chromium --headless --no-sandbox --disable-gpu --dump-dom about:blank
check "chromedriver (package chromium-driver)" chromedriver --version
echo "Test peers run: mbpoll, pymodbus, mosquitto, prometheus, promtool, PostgreSQL, chromium, chromedriver"

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
