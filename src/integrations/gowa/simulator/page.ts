/**
 * The simulator's chat page: be any patient, read what CareLoop sent them, answer (or reply to
 * one message). Plain HTML and a little script; all text goes in through textContent.
 */
export function renderSimulatorPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GOWA simulator</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.4 system-ui, sans-serif; background: #ece5dd; height: 100dvh; display: flex; flex-direction: column; }
  header { background: #075e54; color: #fff; padding: 8px 12px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 16px; margin: 0 8px 0 0; }
  header input { flex: 1; min-width: 160px; padding: 6px 8px; border-radius: 6px; border: 0; font-size: 16px; }
  header button { padding: 6px 10px; }
  #log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 6px; }
  .msg { max-width: 85%; padding: 6px 10px; border-radius: 8px; white-space: pre-wrap; word-wrap: break-word; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
  .out { align-self: flex-start; background: #fff; }
  .in { align-self: flex-end; background: #dcf8c6; }
  .meta { font-size: 12px; color: #667; margin-top: 2px; display: flex; gap: 8px; align-items: center; }
  .quote { font-size: 13px; color: #445; border-left: 3px solid #34b7f1; padding-left: 6px; margin-bottom: 4px; }
  .meta button { font-size: 12px; padding: 0 6px; }
  #empty { color: #667; text-align: center; margin-top: 24px; }
  footer { background: #f0f0f0; padding: 8px; }
  #replying { font-size: 13px; margin-bottom: 6px; display: none; }
  form { display: flex; gap: 8px; }
  #text { flex: 1; padding: 10px; border-radius: 18px; border: 1px solid #ccc; font-size: 16px; }
  #send { padding: 10px 16px; border-radius: 18px; border: 0; background: #128c7e; color: #fff; font-size: 16px; }
  #status { font-size: 12px; color: #a33; min-height: 1em; }
</style>
</head>
<body>
<header>
  <h1>GOWA simulator</h1>
  <input id="phone" list="phones" placeholder="Patient phone, e.g. +6281234567890" autocomplete="off" inputmode="tel">
  <datalist id="phones"></datalist>
  <button id="reset" type="button" title="Forget every message">Reset</button>
</header>
<main id="log"><p id="empty">Pick or type a patient phone to see the conversation.</p></main>
<footer>
  <div id="replying">Replying to: <span id="replyText"></span> <button type="button" id="cancelReply">cancel</button></div>
  <form id="form">
    <input id="text" placeholder="Message as the patient" autocomplete="off">
    <button id="send">Send</button>
  </form>
  <div id="status"></div>
</footer>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const phoneInput = $("phone"), log = $("log"), statusLine = $("status");
  let replyTo = null, lastRender = "";
  phoneInput.value = new URLSearchParams(location.search).get("phone") || localStorage.getItem("gowa-sim-phone") || "";

  const phone = () => phoneInput.value.trim();
  const setStatus = (text) => { statusLine.textContent = text || ""; };

  function setReply(message) {
    replyTo = message;
    $("replying").style.display = message ? "block" : "none";
    $("replyText").textContent = message ? (message.text || message.caption || message.url || message.id).slice(0, 80) : "";
    if (message) $("text").focus();
  }
  $("cancelReply").onclick = () => setReply(null);

  function bubble(m) {
    const div = document.createElement("div");
    div.className = "msg " + m.direction;
    if (m.direction === "in" && m.quotedBody) {
      const q = document.createElement("div");
      q.className = "quote";
      q.textContent = m.quotedBody;
      div.appendChild(q);
    }
    const body = document.createElement("div");
    if (m.direction === "out") {
      const parts = [];
      if (m.type !== "text") parts.push("[" + m.type + "] " + (m.url || ""));
      if (m.text) parts.push(m.text);
      if (m.caption) parts.push(m.caption);
      body.textContent = parts.join("\\n");
    } else {
      body.textContent = m.body;
    }
    div.appendChild(body);
    const meta = document.createElement("div");
    meta.className = "meta";
    const time = document.createElement("span");
    time.textContent = new Date(m.at).toLocaleTimeString();
    meta.appendChild(time);
    const state = document.createElement("span");
    state.textContent = m.direction === "out" ? m.status : "webhook: " + m.delivery + (m.attempts > 1 ? " (" + m.attempts + " tries)" : "");
    meta.appendChild(state);
    if (m.direction === "out") {
      const reply = document.createElement("button");
      reply.type = "button";
      reply.textContent = "reply";
      reply.onclick = () => setReply(m);
      meta.appendChild(reply);
    }
    div.appendChild(meta);
    return div;
  }

  async function refresh() {
    try {
      const list = await fetch("/sim/phones").then((r) => r.json());
      const dl = $("phones");
      dl.replaceChildren(...list.phones.map((p) => { const o = document.createElement("option"); o.value = p; return o; }));
      if (!phone()) return;
      const res = await fetch("/sim/conversation?phone=" + encodeURIComponent(phone()));
      if (!res.ok) { setStatus("Not a valid international phone number"); return; }
      const data = await res.json();
      const key = JSON.stringify(data.messages);
      if (key === lastRender) return;
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      lastRender = key;
      if (data.messages.length === 0) {
        const p = document.createElement("p");
        p.id = "empty";
        p.textContent = "No messages with this phone yet.";
        log.replaceChildren(p);
      } else {
        log.replaceChildren(...data.messages.map(bubble));
      }
      if (atBottom) log.scrollTop = log.scrollHeight;
    } catch (e) {
      setStatus("Simulator unreachable");
    }
  }

  phoneInput.addEventListener("change", () => {
    localStorage.setItem("gowa-sim-phone", phone());
    lastRender = "";
    setReply(null);
    setStatus("");
    refresh();
  });

  $("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("text").value;
    if (!phone()) { setStatus("Type the patient's phone first"); return; }
    if (!text.trim()) return;
    const payload = { from: phone(), body: text };
    if (replyTo) payload.replied_to_id = replyTo.id;
    const res = await fetch("/sim/inbound", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
    if (!res.ok) { setStatus((await res.json()).error || "Send failed"); return; }
    $("text").value = "";
    setReply(null);
    setStatus("");
    localStorage.setItem("gowa-sim-phone", phone());
    refresh();
    setTimeout(() => { log.scrollTop = log.scrollHeight; }, 100);
  });

  $("reset").onclick = async () => {
    if (!confirm("Forget every simulated message?")) return;
    await fetch("/sim/reset", { method: "POST" });
    lastRender = "";
    refresh();
  };

  refresh();
  setInterval(refresh, 1500);
})();
</script>
</body>
</html>`;
}
