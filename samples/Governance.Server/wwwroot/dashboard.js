// 辖区看板: reads /api/dashboard every few seconds; the countdown runs on the server's clock (its "now"), advanced locally
// between reads. No network beyond this host.
const refreshSeconds = Number(new URLSearchParams(location.search).get("refresh") ?? "5");
let snapshot = null;
let fetchedAt = 0;

const pct = v => v == null ? "—" : `${(v * 100).toFixed(1)}%`;
const text = v => v == null ? "—" : String(v);

function countdown(seconds) {
  if (seconds == null) return { label: "—", cls: "" };
  const overdue = seconds < 0;
  let s = Math.abs(Math.trunc(seconds));
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const hms = `${d > 0 ? d + "天" : ""}${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  return { label: overdue ? `超时 ${hms}` : hms, cls: overdue ? "overdue" : seconds < 900 ? "soon" : "" };
}

function fill(id, rows) {
  const body = document.querySelector(`#${id} tbody`);
  body.replaceChildren(...rows.map(cells => {
    const tr = document.createElement("tr");
    for (const cell of cells) {
      const td = document.createElement("td");
      if (typeof cell === "object" && cell !== null) { td.textContent = cell.label; td.className = cell.cls ?? ""; if (cell.data) td.dataset.role = cell.data; }
      else td.textContent = cell;
      tr.append(td);
    }
    return tr;
  }));
}

function render() {
  if (!snapshot) return;
  const elapsed = (performance.now() - fetchedAt) / 1000;
  document.getElementById("clock").textContent = `数据时间 ${new Date(Date.parse(snapshot.now) + elapsed * 1000).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}`;
  fill("open-cases", snapshot.open.map(c => {
    const cd = countdown(c.remainingSeconds == null ? null : c.remainingSeconds - elapsed);
    return [{ label: c.id, data: "case-id" }, c.grid, c.category, { label: c.stateName, data: "state" }, text(c.step), { label: cd.label, cls: cd.cls, data: "countdown" }];
  }));
  fill("due", snapshot.due.map(d => [d.id, d.grid, d.nextDeadline ? new Date(d.nextDeadline).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—",
    { label: d.overdue ? "已超时" : "即将到期", cls: d.overdue ? "overdue" : "soon" }]));
  document.getElementById("rates-title").textContent = `${snapshot.rates.month} 三率（各网格）`;
  fill("rates", snapshot.rates.grids.map(g => [g.name, pct(g.response), pct(g.resolution), pct(g.satisfaction), g.score == null ? "—" : g.score.toFixed(1), text(g.rank)]));
  document.getElementById("week-title").textContent = `本周12345投诉（${snapshot.week.from}～${snapshot.week.to}）`;
  fill("week", snapshot.week.topGrids.map(w => [w.name, w.total, w.hotline12345, pct(w.compliance)]));
  fill("ranking", snapshot.buildingHeads.map(r => [r.position, r.name, r.total]));
}

async function load() {
  try {
    const response = await fetch("/api/dashboard", { headers: { "Accept": "application/json" } });
    if (response.ok) { snapshot = await response.json(); fetchedAt = performance.now(); document.body.dataset.loaded = snapshot.now; render(); }
  } catch (e) {
    document.getElementById("clock").textContent = `无法读取数据：${e}`;
  }
}

await load();
setInterval(load, refreshSeconds * 1000);
setInterval(render, 1000);
