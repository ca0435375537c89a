// The DualWrite dashboard: reads the admin JSON API every 2 s and draws it; the buttons call the same API the CLI uses.
// No framework, no build step. The browser sends the admin credentials (HTTP Basic) it was asked for on the page.
"use strict";

(function () {
  const refreshMs = 2000;
  const errorLimit = 12;
  const chartBuckets = 30; // the last 5 minutes of 10-second buckets
  const stateNames = {
    notRunning: "Not running",
    initialSync: "Initial sync",
    running: "Running",
    paused: "Paused",
    catchingUp: "Catching up",
  };

  let openErrorId = null;
  let lastErrors = [];
  let timer = null;

  const $ = (id) => document.getElementById(id);

  // ---- HTTP -------------------------------------------------------------------------------------------------------

  async function getJson(path) {
    const response = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" }, cache: "no-store" });
    if (!response.ok) {
      throw new Error(await problemText(response));
    }
    return response.json();
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body || {}),
    });
    if (!response.ok) {
      throw new Error(await problemText(response));
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  // RFC 7807 problems name the map, key or value at fault in their detail.
  async function problemText(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || response.status + " " + response.statusText;
    } catch {
      return response.status + " " + response.statusText;
    }
  }

  // Answers an optional endpoint with null when it fails, so one missing part never blanks the page.
  async function optional(path) {
    try {
      return { value: await getJson(path) };
    } catch (error) {
      return { value: null, error: error };
    }
  }

  function listOf(value) {
    if (Array.isArray(value)) return value;
    if (value && Array.isArray(value.items)) return value.items;
    if (value && Array.isArray(value.maps)) return value.maps;
    if (value && Array.isArray(value.alerts)) return value.alerts;
    return [];
  }

  // ---- Formatting -------------------------------------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "className") node.className = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function number(value) {
    return value === null || value === undefined ? "–" : Number(value).toLocaleString("en-US");
  }

  function ms(value) {
    if (value === null || value === undefined) return "–";
    return value < 10 ? value.toFixed(1) + " ms" : Math.round(value).toLocaleString("en-US") + " ms";
  }

  function seconds(value) {
    if (value === null || value === undefined) return "–";
    if (value < 1) return value <= 0 ? "0 s" : "<1 s";
    if (value < 90) return Math.round(value) + " s";
    if (value < 5400) return Math.round(value / 60) + " min";
    return (value / 3600).toFixed(1) + " h";
  }

  // CustomersV3(dataAreaId='usmf',CustomerAccount='US-001') reads as "usmf / US-001"; the full key is the cell's title.
  function shortKey(key) {
    const inner = /\((.*)\)$/.exec(key || "");
    if (!inner) return key || "";
    return inner[1].split(",").map((part) => part.replace(/^[^=]*=/, "").replace(/^'|'$/g, "")).join(" / ");
  }

  function time(value) {
    if (!value) return "–";
    const date = new Date(value);
    return date.toLocaleString("en-GB", { day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }

  // ---- Chart ------------------------------------------------------------------------------------------------------

  const svgNs = "http://www.w3.org/2000/svg";

  function svg(tag, attributes) {
    const node = document.createElementNS(svgNs, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  // Bars: events applied per bucket; line: p99 apply latency, each scaled to its own maximum.
  function chart(buckets) {
    const width = 220, height = 26;
    const root = svg("svg", { class: "chart", width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img" });
    const list = (buckets || []).slice(-chartBuckets);
    const maxApplied = Math.max(1, ...list.map((b) => b.applied || 0));
    const latencies = list.map((b) => b.applyLatencyP99Ms);
    const maxLatency = Math.max(1, ...latencies.filter((v) => v !== null && v !== undefined));
    const step = list.length ? width / list.length : width;
    root.append(svg("line", { class: "base", x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5 }));
    list.forEach((bucket, i) => {
      const h = ((bucket.applied || 0) / maxApplied) * (height - 4);
      if (h > 0) root.append(svg("rect", { class: "bar", x: (i * step).toFixed(1), y: (height - h).toFixed(1), width: Math.max(1, step - 0.6).toFixed(1), height: h.toFixed(1) }));
    });
    const points = [];
    latencies.forEach((value, i) => {
      if (value !== null && value !== undefined) points.push(((i + 0.5) * step).toFixed(1) + "," + (height - 2 - (value / maxLatency) * (height - 6)).toFixed(1));
    });
    if (points.length > 1) root.append(svg("polyline", { class: "p99", points: points.join(" ") }));
    const total = list.reduce((sum, b) => sum + (b.applied || 0), 0);
    const title = svg("title", {});
    title.textContent = total + " applied in the last " + Math.round((list.length * 10) / 60) + " min; p99 peak " + ms(maxLatency === 1 && !points.length ? null : maxLatency);
    root.append(title);
    return root;
  }

  // ---- Maps -------------------------------------------------------------------------------------------------------

  function renderMaps(maps, monitor) {
    const figures = new Map(listOf(monitor && monitor.maps).map((m) => [m.map, m]));
    const names = maps.length ? maps.map((m) => m.name) : [...figures.keys()];
    const body = $("map-rows");
    if (!names.length) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: 10, className: "empty" }, "No maps.")));
      return;
    }

    const rows = names.map((name) => {
      const status = maps.find((m) => m.name === name) || { name: name };
      const figure = figures.get(name) || {};
      const totals = figure.totals || {};
      const state = status.state || "running";
      const paused = state === "paused";
      const lag = status.lagSeconds;
      const failed = status.failed !== undefined ? status.failed : totals.failed;
      // A running map's reason ("caught up") is history; any other state's says why the map is not syncing.
      const reason = status.reason && state !== "running" ? el("span", { className: "map-reason", title: status.reason }, status.reason) : null;
      return el("tr", { "data-map": name },
        el("td", {}, el("span", { className: "map-name" }, name), reason),
        el("td", {}, el("span", { className: "pill state " + state, "data-field": "state" }, stateNames[state] || state)),
        el("td", { className: "num", "data-field": "backlog" }, number(status.backlog)),
        el("td", { className: "num" + (lag > 60 ? " lag-warn" : ""), "data-field": "lag" }, seconds(lag)),
        el("td", { className: "num", "data-field": "applied-per-minute", title: number(totals.applied) + " applied since the listener started" }, number(figure.appliedLastMinute)),
        el("td", { className: "num", "data-field": "p50" }, ms(figure.applyLatencyP50Ms)),
        el("td", { className: "num", "data-field": "p99" }, ms(figure.applyLatencyP99Ms)),
        el("td", {}, chart(figure.buckets)),
        el("td", { className: "num" + (failed > 0 ? " count-bad" : ""), "data-field": "errors" }, number(failed)),
        el("td", {}, el("div", { className: "actions" },
          paused
            ? el("button", { type: "button", className: "resume", "data-action": "resume", onclick: () => mapAction(name, "resume") }, "Resume")
            : el("button", { type: "button", className: "pause", "data-action": "pause", disabled: state === "notRunning", onclick: () => mapAction(name, "pause") }, "Pause"),
          el("button", { type: "button", "data-action": "retry", disabled: !(failed > 0), onclick: () => retryMap(name) }, "Retry errors"))));
    });
    body.replaceChildren(...rows);
  }

  async function mapAction(name, action) {
    try {
      await post("api/maps/" + encodeURIComponent(name) + "/" + action, { reason: action === "pause" ? "Paused from the dashboard" : undefined });
      toast(name + ": " + (action === "pause" ? "paused" : "resumed"));
    } catch (error) {
      toast(error.message, true);
    }
    refreshSoon();
  }

  async function retryMap(name) {
    try {
      const summary = await post("api/errors/retry", { map: name });
      const count = summary && summary.retried ? summary.retried.length : 0;
      toast(name + ": " + count + " error" + (count === 1 ? "" : "s") + " sent back");
    } catch (error) {
      toast(error.message, true);
    }
    refreshSoon();
  }

  // ---- Errors -----------------------------------------------------------------------------------------------------

  function renderErrors(errors) {
    lastErrors = errors;
    const body = $("error-rows");
    $("error-total").textContent = errors.length ? "newest " + errors.length : "";
    if (!errors.length) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: 6, className: "empty" }, "No errors.")));
      return;
    }

    body.replaceChildren(...errors.map((error) => el("tr", { className: "error-row", "data-error-id": error.id, onclick: () => openError(error.id) },
      el("td", {}, error.map),
      el("td", { className: "key", title: error.key + (error.direction ? " · " + error.direction : "") }, shortKey(error.key)),
      // The map and key have their own columns: the reason cell starts at what went wrong.
      el("td", { className: "reason-cell", title: error.reason }, String(error.reason || "").replace(/^Map '[^']*', key [^:]*: /, "")),
      el("td", { className: "num" }, number(error.attempts)),
      el("td", {}, time(error.lastFailureAt)),
      el("td", {}, el("button", {
        type: "button",
        "data-action": "retry-error",
        disabled: error.status === "retrying",
        onclick: (event) => { event.stopPropagation(); retryError(error.id); },
      }, error.status === "retrying" ? "Retrying" : "Retry")))));
  }

  async function openError(id) {
    openErrorId = id;
    const error = lastErrors.find((e) => e.id === id) || {};
    $("detail-title").textContent = "Error " + id + (error.map ? " · " + error.map : "");
    $("detail-reason").textContent = error.reason || "";
    $("detail-meta").textContent = [error.direction, error.key, error.attempts ? error.attempts + " attempts" : null, error.firstFailureAt ? "first " + time(error.firstFailureAt) : null, error.lastFailureAt ? "last " + time(error.lastFailureAt) : null].filter(Boolean).join(" · ");
    $("compare-rows").replaceChildren(el("tr", {}, el("td", { colspan: 3, className: "empty" }, "Reading both records…")));
    $("detail").hidden = false;
    try {
      const records = await getJson("api/errors/" + id + "/records");
      const fields = records.fields || [];
      const rows = fields.map((field) => el("tr", { className: field.differs ? "differs" : null, "data-field-name": field.name, "data-differs": field.differs ? "true" : "false" },
        el("td", { title: field.finOpsField ? "F&O " + field.finOpsField : "" }, field.name),
        el("td", {}, field.finOps ?? "–"),
        el("td", {}, field.dataverse ?? "–")));
      if (records.note) rows.unshift(el("tr", {}, el("td", { colspan: 3, className: "muted" }, records.note)));
      $("compare-rows").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: 3, className: "empty" }, "No mapped fields."))]));
    } catch (failure) {
      $("compare-rows").replaceChildren(el("tr", {}, el("td", { colspan: 3, className: "empty" }, failure.message)));
    }
  }

  function closeError() {
    openErrorId = null;
    $("detail").hidden = true;
  }

  async function retryError(id) {
    try {
      await post("api/errors/" + id + "/retry");
      toast("Error " + id + " sent back through the ordered path");
    } catch (error) {
      toast(error.message, true);
    }
    refreshSoon();
  }

  async function discardError(id) {
    const reason = window.prompt("Why discard error " + id + "?", "Discarded from the dashboard");
    if (reason === null) return;
    try {
      await post("api/errors/" + id + "/discard", { reason: reason });
      toast("Error " + id + " discarded");
      closeError();
    } catch (error) {
      toast(error.message, true);
    }
    refreshSoon();
  }

  // ---- Alerts and health ------------------------------------------------------------------------------------------

  function renderAlerts(alerts) {
    const list = $("alerts");
    if (!alerts.length) {
      list.replaceChildren(el("li", { className: "empty" }, "No alerts."));
      return;
    }

    list.replaceChildren(...alerts.slice(0, 20).map((alert) => el("li", {},
      el("div", {}, el("strong", {}, alert.map || ""), " ", alert.message || alert.text || alert.description || alert.kind || ""),
      el("div", { className: "when" }, time(alert.raisedAt || alert.at || alert.time || alert.timestamp), alert.pausedMap ? " · map paused" : ""))));
  }

  function renderHealth(health) {
    const box = $("health");
    if (!health) {
      box.replaceChildren(el("span", { className: "pill unhealthy" }, "health unknown"));
      return;
    }

    const names = { "state-store": "State store", finops: "F&O", dataverse: "Dataverse" };
    box.replaceChildren(...(health.checks || []).map((check) => el("span", {
      className: "pill " + String(check.status).toLowerCase(),
      title: check.description || "",
      "data-check": check.name,
    }, (names[check.name] || check.name) + (check.status === "Healthy" ? " ✓" : " ✗"))));
  }

  // ---- Refresh loop -----------------------------------------------------------------------------------------------

  async function refresh() {
    const [maps, monitor, errors, alerts, health] = await Promise.all([
      optional("api/maps"),
      optional("api/monitor"),
      optional("api/errors?limit=" + errorLimit),
      optional("api/alerts"),
      readyHealth(),
    ]);
    const reached = maps.value !== null || monitor.value !== null;
    renderMaps(listOf(maps.value), monitor.value);
    renderErrors(listOf(errors.value));
    renderAlerts(listOf(alerts.value));
    renderHealth(health);
    $("status-dot").className = "dot " + (reached ? "live" : "down");
    $("updated").textContent = reached
      ? "updated " + new Date().toLocaleTimeString("en-GB")
      : "listener unreachable: " + ((maps.error || monitor.error || {}).message || "no answer");
  }

  // Readiness answers 503 with the same body when a check fails: read it either way.
  async function readyHealth() {
    try {
      const response = await fetch("health/ready", { credentials: "same-origin", cache: "no-store" });
      return await response.json();
    } catch {
      return null;
    }
  }

  async function loop() {
    try {
      await refresh();
    } finally {
      timer = window.setTimeout(loop, refreshMs);
    }
  }

  function refreshSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(loop, 150);
  }

  let toastTimer = null;
  function toast(message, bad) {
    const box = $("toast");
    box.textContent = message;
    box.className = "toast" + (bad ? " bad" : "");
    box.hidden = false;
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => { box.hidden = true; }, bad ? 8000 : 3000);
  }

  $("detail-close").addEventListener("click", closeError);
  $("detail").addEventListener("click", (event) => { if (event.target === $("detail")) closeError(); });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") closeError(); });
  $("detail-retry").addEventListener("click", () => { if (openErrorId !== null) { retryError(openErrorId); closeError(); } });
  $("detail-discard").addEventListener("click", () => { if (openErrorId !== null) discardError(openErrorId); });
  loop();
})();
