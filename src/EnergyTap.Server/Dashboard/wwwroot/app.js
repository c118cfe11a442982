// EnergyTap dashboard: live power flow over server-sent events, history from /api/history,
// battery control through /api/control (bearer token kept in this browser only).
"use strict";

const $ = (id) => document.getElementById(id);
const state = { sites: [], site: null, last: null, commandTimer: null, batteries: [], accepted: null };

function watts(w) {
  if (w === null || w === undefined) return "–";
  const a = Math.abs(w);
  return a >= 1000 ? `${(w / 1000).toFixed(2)} kW` : `${Math.round(w)} W`;
}

async function getJson(url, options) {
  const response = await fetch(url, options);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw new Error(body?.detail || body?.title || `HTTP ${response.status}`);
  return body;
}

async function loadSites() {
  state.sites = await getJson("/api/sites");
  const site = $("site");
  site.innerHTML = state.sites.map((s) => `<option value="${s.id}">${s.name}</option>`).join("");
  state.site = state.sites[0]?.id ?? null;
  site.onchange = () => { state.site = site.value; renderBatteries(); render(); loadHistory(); };
  const control = await getJson("/api/control");
  state.batteries = control.batteries;
  renderBatteries();
  if (!control.enabled) $("control-result").textContent = "Control is disabled on this server (no controlToken configured).";
}

// Only the selected site's batteries: commanding home/agate while looking at the cabin would surprise.
function renderBatteries() {
  const mine = state.batteries.filter((b) => b.startsWith(`${state.site}/`));
  $("battery").innerHTML = mine.length ? mine.map((b) => `<option>${b}</option>`).join("") : `<option value="">no battery at this site</option>`;
  for (const button of document.querySelectorAll("#control-form button")) button.disabled = mine.length === 0;
}

function renderFlow(flow) {
  for (const term of ["solar", "grid", "homeLoad", "battery", "generator", "v2l"]) {
    const t = flow[term];
    const node = document.querySelector(`.node[data-term="${term}"]`);
    $(`flow-${term}`).textContent = watts(t.value);
    node.classList.toggle("stale", t.quality === "stale");
    node.classList.toggle("missing", t.quality === "missing" && t.source !== null);
    node.classList.toggle("corrected", t.quality === "corrected");
    node.title = t.source ? `from ${t.source} (${t.quality === "corrected" ? "corrected: the device's int16 register wrapped above 32.767 kW" : t.quality})` : "no device reports this";
  }
  // A value EnergyTap had to undo from an int16 wrap says so where it is shown.
  const corrected = (t) => t.quality === "corrected" ? "corrected" : "";
  const grid = flow.grid.value;
  $("flow-grid-dir").textContent = [grid == null ? "" : grid > 0 ? "importing" : grid < 0 ? "exporting" : "", corrected(flow.grid)].filter(Boolean).join(" · ");
  const battery = flow.battery.value;
  const soc = flow.batterySoc.value;
  $("flow-soc").textContent = [soc == null ? "" : `${soc.toFixed(0)} %`, battery == null ? "" : battery > 50 ? "discharging" : battery < -50 ? "charging" : "idle", corrected(flow.battery)].filter(Boolean).join(" · ");
  // grid_connected: 1 on the grid, 0 in an outage; shown even when the grid power reads 0 W.
  const connected = flow.gridConnected?.quality === "missing" ? null : flow.gridConnected?.value;
  const gridState = $("grid-state");
  gridState.textContent = connected == null ? "Grid: unknown" : connected >= 1 ? "Grid: connected" : "Grid: OUTAGE";
  gridState.className = `grid-state ${connected == null ? "unknown" : connected >= 1 ? "connected" : "outage"}`;
  $("flow-time").textContent = `updated ${new Date(flow.time).toLocaleTimeString()}`;
}

function renderControl(commands, others) {
  const command = commands.find((c) => c.site === state.site);
  const box = $("command");
  clearInterval(state.commandTimer);
  if (state.accepted && !commands.some((c) => c.id === state.accepted)) {
    // The command we sent has ended (its deadline or another client released it): "Accepted" would be stale.
    state.accepted = null;
    $("control-result").textContent = `Ended at ${new Date().toLocaleTimeString()}: the battery follows its own mode again.`;
  }
  // The registers show a command this server does not hold (a sequence run, mbpoll, the CLI with --direct).
  const other = (others ?? []).find((o) => o.site === state.site);
  if (!command && other) {
    box.classList.add("active");
    const power = other.kind === "idle" ? "idle (0 W)" : `${other.kind} ${watts(other.watts)}`;
    const until = other.deadline ? `, reverts at ${new Date(other.deadline).toLocaleTimeString()}` : "";
    box.textContent = `${power} on ${other.site}/${other.device}: commanded by ${other.heldBy}, not this server (read from the registers${until})`;
    return;
  }
  if (!command) {
    box.classList.remove("active");
    box.textContent = "No active command: the battery follows its own mode.";
    return;
  }
  box.classList.add("active");
  const deadline = new Date(command.deadline);
  const tick = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    box.textContent = `${command.kind} ${watts(command.watts)} on ${command.site}/${command.device} — reverts in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  };
  tick();
  state.commandTimer = setInterval(tick, 1000);
}

// In a fleet, a site leased to another instance is polled there, not here.
function pollerState(h) {
  if (h.owned === false) return `polled by ${h.leasedTo ?? "another instance"}`;
  return h.up ? "up" : h.polls ? "down" : "first poll…";
}

function renderTables(update) {
  $("health").innerHTML = update.health.filter((h) => h.site === state.site).map((h) =>
    `<tr><td>${h.device}</td><td>${h.dataClass}</td><td class="${h.up || h.owned === false ? "up" : "down"}">${pollerState(h)}</td>` +
    `<td>${h.lastSuccess ? new Date(h.lastSuccess).toLocaleTimeString() : "never"}</td><td>${h.lastError ?? ""}</td></tr>`).join("");
  const readings = update.readings.filter((r) => r.site === state.site);
  $("readings").innerHTML = readings.map((r) =>
    `<tr><td>${r.device}</td><td>${r.quantity}</td><td>${r.value == null ? "–" : `${+r.value.toFixed(3)} ${r.unit}`}</td><td>${r.quality}</td></tr>`).join("");
  const quantity = $("quantity");
  const names = [...new Set(readings.map((r) => `${r.device}/${r.quantity}`))].sort();
  if (quantity.options.length !== names.length) {
    const chosen = quantity.value;
    quantity.innerHTML = names.map((n) => `<option>${n}</option>`).join("");
    quantity.value = names.includes(chosen) ? chosen : (names.find((n) => n.endsWith("/battery_power")) ?? names[0] ?? "");
    quantity.onchange = loadHistory;
    if (!chosen) loadHistory();
  }
}

function render() {
  if (!state.last || !state.site) return;
  const flow = state.last.flows.find((f) => f.site === state.site);
  if (flow) renderFlow(flow);
  renderControl(state.last.control, state.last.otherControl);
  renderTables(state.last);
}

function connect() {
  const source = new EventSource("/api/stream");
  source.addEventListener("update", (e) => {
    state.last = JSON.parse(e.data);
    $("connection").textContent = "live";
    $("connection").className = "badge ok";
    render();
  });
  source.onerror = () => { $("connection").textContent = "reconnecting…"; $("connection").className = "badge bad"; };
}

async function loadHistory() {
  const [device, quantity] = ($("quantity").value || "/").split("/");
  if (!quantity) return;
  try {
    const points = await getJson(`/api/history?site=${encodeURIComponent(state.site)}&device=${encodeURIComponent(device)}&quantity=${encodeURIComponent(quantity)}`);
    drawChart(points);
  } catch (error) {
    $("chart-note").textContent = error.message;
  }
}

function drawChart(points) {
  const canvas = $("chart");
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const values = points.filter((p) => p.value !== null);
  $("chart-note").textContent = values.length ? `${values.length} points, last 24 h (${values[0].unit})` : "no history yet";
  if (values.length < 2) return;
  const times = values.map((p) => Date.parse(p.time));
  const ys = values.map((p) => p.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys, 1)];
  const x = (t) => 40 + ((t - t0) / Math.max(1, t1 - t0)) * (canvas.width - 50);
  const y = (v) => canvas.height - 20 - ((v - y0) / Math.max(1e-9, y1 - y0)) * (canvas.height - 30);
  ctx.strokeStyle = "#233042"; ctx.beginPath(); ctx.moveTo(40, y(0)); ctx.lineTo(canvas.width, y(0)); ctx.stroke();
  ctx.fillStyle = "#8b9bab"; ctx.font = "12px system-ui";
  ctx.fillText(String(+y1.toFixed(1)), 2, 14); ctx.fillText(String(+y0.toFixed(1)), 2, canvas.height - 22);
  ctx.strokeStyle = "#f5b942"; ctx.lineWidth = 2; ctx.beginPath();
  values.forEach((p, i) => (i ? ctx.lineTo(x(times[i]), y(p.value)) : ctx.moveTo(x(times[i]), y(p.value))));
  ctx.stroke();
}

async function sendControl(method) {
  const battery = $("battery").value;
  if (!battery) return;
  const token = $("token").value;
  localStorage.setItem("energytap-token", token);
  const body = method === "POST" ? JSON.stringify({
    kind: $("kind").value, watts: Number($("watts").value), durationSeconds: Math.round(Number($("minutes").value) * 60),
  }) : undefined;
  try {
    const result = await getJson(`/api/control/${battery}`, {
      method, body, headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    });
    state.accepted = method === "POST" ? result.id : null;
    $("control-result").textContent = method === "POST" ? `Accepted: reverts at ${new Date(result.deadline).toLocaleTimeString()}`
      : result.hadCommand ? "Released: the battery follows its own mode again." : "Nothing to release: no command was active.";
  } catch (error) {
    $("control-result").textContent = `Refused: ${error.message}`;
  }
}

$("control-form").addEventListener("submit", (e) => { e.preventDefault(); sendControl("POST"); });
$("release").addEventListener("click", () => sendControl("DELETE"));
$("token").value = localStorage.getItem("energytap-token") ?? "";
loadSites().then(connect).catch((error) => { $("connection").textContent = error.message; });
setInterval(loadHistory, 60000);
