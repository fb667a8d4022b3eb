/* The queue: open messages most urgent first, refreshed every few seconds in place (keyed by message id),
   so that scroll position, open history panels and the search text survive every refresh. */
"use strict";

(() => {
  const POLL_MS = 5000;
  const NAME_KEY = "izer.answeredBy";
  const OPEN_STATES = new Set(["received", "open", "escalated"]);
  const STATUSES = ["open", "answered", "closed", "all"];
  const LOCAL_ANSWER_MS = 120000;

  Izer.addStrings({
    tr: {
      "summary.shown": "Listede",
      "summary.critical": "Kritik",
      "summary.breached": "Gecikmiş",
      "summary.escalated": "Yükseltilen",
      "filter.status": "Durum",
      "filter.open": "Açık",
      "filter.answered": "Yanıtlanan",
      "filter.closed": "Kapanan",
      "filter.all": "Tümü",
      "filter.priority": "Öncelik",
      "filter.category": "Kategori",
      "filter.anyPriority": "Tüm öncelikler",
      "filter.anyCategory": "Tüm kategoriler",
      "filter.search": "Mesaj, kişi veya numara ara…",
      "feed.updated": "Canlı · güncellendi {time}",
      "feed.loading": "Yükleniyor…",
      "empty.open": "Bekleyen mesaj yok. Harika iş! 🎉",
      "empty.filtered": "Bu filtrelere uyan mesaj yok.",
      "who.as": "Yanıtlayan: {name} ✎",
      "who.nobody": "Adınızı girin",
      "who.change": "Yanıtlayan kişiyi değiştir",
      "who.title": "Kim yanıtlıyor?",
      "who.explain": "Adınız yanıtlanan mesajlara yazılır ve bu tarayıcıda hatırlanır.",
      "who.label": "Adınız",
      "who.save": "Kaydet",
      "who.cancel": "Vazgeç",
      "card.pending": "Analiz bekleniyor",
      "card.urgency": "Aciliyet {n}/10",
      "card.escalation": "Yükseltme {n}",
      "card.group": "grup",
      "card.routing": "Yönlendiriliyor…",
      "card.routingFailed": "Ajana iletilemedi: {error}",
      "card.noReply": "Önerilen yanıt yok",
      "card.fallback": "yedek ajan",
      "card.suggested": "Önerilen yanıt · {agent}",
      "card.copy": "Kopyala",
      "card.copied": "Önerilen yanıt kopyalandı",
      "card.history": "Geçmiş ve ayrıntılar",
      "card.loading": "Yükleniyor…",
      "card.noHistory": "Bu sohbette önceki mesaj yok.",
      "card.thisMessage": "bu mesaj",
      "card.keywords": "Anahtar kelimeler",
      "card.responseTime": "Yanıt süresi",
      "card.analyzer": "Analiz",
      "card.degraded": "yedek analiz (LLM başarısız)",
      "card.answeredInfo": "Yanıt",
      "card.escalations": "Yükseltmeler",
      "card.escalationLine": "Seviye {level} · {kind} · {target} · {delivered} · {time}",
      "card.delivered": "iletildi",
      "card.undelivered": "iletilemedi",
      "card.messageId": "Mesaj no",
      "card.review": "gözden geçirin",
      "card.reviewTitle": "Analizler anlaşamadı ya da model emin değil: bir kişi baksın",
      "correct.title": "Etiketleri düzelt",
      "correct.category": "Kategori",
      "correct.priority": "Öncelik",
      "correct.noAction": "İşlem gerekmiyor",
      "correct.save": "Düzeltmeyi kaydet",
      "correct.saved": "Düzeltme kaydedildi",
      "correct.savedSooner": "Düzeltme kaydedildi; süre kısaltıldı",
      "correct.history": "Düzeltmeler",
      "card.timeLeft": "Kalan süre",
      "card.overdue": "Süre aşıldı",
      "card.noDeadline": "Süre yok",
      "card.dueAt": "Son: {time}",
      "card.answeredBy": "{name} yanıtladı",
      "card.closed": "Yanıt gerekmiyor",
      "card.answer": "✓ Yanıtladım",
      "card.answering": "Gönderiliyor…",
      "card.answered": "“{chat}” yanıtlandı olarak işaretlendi",
      "card.workflow": "İş akışını aç ↗",
      "response.immediate": "hemen",
      "response.1hour": "1 saat",
      "response.4hours": "4 saat",
      "response.24hours": "24 saat",
      "kind.breach": "süre aşımı",
      "kind.warning": "uyarı",
    },
    en: {
      "summary.shown": "Listed",
      "summary.critical": "Critical",
      "summary.breached": "Overdue",
      "summary.escalated": "Escalated",
      "filter.status": "Status",
      "filter.open": "Open",
      "filter.answered": "Answered",
      "filter.closed": "Closed",
      "filter.all": "All",
      "filter.priority": "Priority",
      "filter.category": "Category",
      "filter.anyPriority": "All priorities",
      "filter.anyCategory": "All categories",
      "filter.search": "Search message, person or number…",
      "feed.updated": "Live · updated {time}",
      "feed.loading": "Loading…",
      "empty.open": "No message is waiting. Well done! 🎉",
      "empty.filtered": "No message matches these filters.",
      "who.as": "Answering as {name} ✎",
      "who.nobody": "Enter your name",
      "who.change": "Change who is answering",
      "who.title": "Who is answering?",
      "who.explain": "Your name is recorded on the messages you answer and remembered in this browser.",
      "who.label": "Your name",
      "who.save": "Save",
      "who.cancel": "Cancel",
      "card.pending": "Awaiting analysis",
      "card.urgency": "Urgency {n}/10",
      "card.escalation": "Escalation {n}",
      "card.group": "group",
      "card.routing": "Routing…",
      "card.routingFailed": "Could not reach an agent: {error}",
      "card.noReply": "No suggested reply",
      "card.fallback": "fallback agent",
      "card.suggested": "Suggested reply · {agent}",
      "card.copy": "Copy",
      "card.copied": "Suggested reply copied",
      "card.history": "History and details",
      "card.loading": "Loading…",
      "card.noHistory": "No earlier messages in this chat.",
      "card.thisMessage": "this message",
      "card.keywords": "Keywords",
      "card.responseTime": "Response time",
      "card.analyzer": "Analysis",
      "card.degraded": "fallback analysis (LLM failed)",
      "card.answeredInfo": "Answer",
      "card.escalations": "Escalations",
      "card.escalationLine": "Level {level} · {kind} · {target} · {delivered} · {time}",
      "card.delivered": "delivered",
      "card.undelivered": "not delivered",
      "card.messageId": "Message id",
      "card.review": "needs review",
      "card.reviewTitle": "The analyzers disagree or the model is unsure: a person should look",
      "correct.title": "Correct the labels",
      "correct.category": "Category",
      "correct.priority": "Priority",
      "correct.noAction": "No action needed",
      "correct.save": "Save correction",
      "correct.saved": "Correction saved",
      "correct.savedSooner": "Correction saved; the deadline is shorter now",
      "correct.history": "Corrections",
      "card.timeLeft": "Time left",
      "card.overdue": "Overdue by",
      "card.noDeadline": "No deadline",
      "card.dueAt": "Due {time}",
      "card.answeredBy": "Answered by {name}",
      "card.closed": "No answer needed",
      "card.answer": "✓ Mark answered",
      "card.answering": "Sending…",
      "card.answered": "“{chat}” marked as answered",
      "card.workflow": "Open workflow ↗",
      "response.immediate": "immediate",
      "response.1hour": "1 hour",
      "response.4hours": "4 hours",
      "response.24hours": "24 hours",
      "kind.breach": "breach",
      "kind.warning": "warning",
    },
  });

  const $ = (selector, root = document) => root.querySelector(selector);
  const t = Izer.t;

  const state = {
    filters: readFilters(),
    cards: new Map(), // message_id → {el, message}
    messages: [],
    answered: new Map(), // message_id → {at, by}: answered here, until the server reports it too
    clockOffset: 0,
    seq: 0,
    inFlight: false,
    quiet: true, // the next render follows a load or a filter change: no card is "new"
    refreshes: 0,
    ui: null, // where the Temporal Web UI is, from the API
    replies: null, // whether replies go through the WhatsApp Cloud API, and its template
  };

  function readFilters() {
    const params = new URLSearchParams(location.search);
    const status = params.get("status");
    return {
      status: STATUSES.includes(status) ? status : "open",
      priority: params.get("priority") ?? "",
      category: params.get("category") ?? "",
      q: params.get("q") ?? "",
    };
  }

  function writeFilters() {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(state.filters)) {
      if (value && !(key === "status" && value === "open")) params.set(key, value);
    }
    const search = params.toString();
    history.replaceState(null, "", search ? `?${search}` : location.pathname);
  }

  function apiQuery() {
    const params = new URLSearchParams({ limit: "200" });
    const { status, priority, category, q } = state.filters;
    if (status !== "all") params.set("status", status);
    if (priority) params.set("priority", priority);
    if (category) params.set("category", category);
    if (q.trim()) params.set("q", q.trim());
    return params.toString();
  }

  async function refresh({ force = false } = {}) {
    if (state.inFlight && !force) return;
    const seq = ++state.seq;
    state.inFlight = true;
    try {
      const payload = await Izer.api(`/messages?${apiQuery()}`);
      if (seq !== state.seq) return;
      render(payload);
      state.refreshes += 1;
      document.body.dataset.refreshes = String(state.refreshes);
      feedState(t("feed.updated", { time: Izer.dateTime(new Date().toISOString(), { timeStyle: "medium" }) }));
    } catch (err) {
      if (seq === state.seq) feedState(err instanceof Izer.ApiError ? err.message : t("error.network"), true);
    } finally {
      if (seq === state.seq) state.inFlight = false;
    }
  }

  function feedState(text, failed = false) {
    const el = $("#feed-state");
    Izer.setText(el, text);
    el.classList.toggle("failed", failed);
  }

  /** The message as the page should show it: answered here, even before the server has recorded it. */
  function withLocalAnswer(message) {
    const local = state.answered.get(message.message_id);
    if (!local) return message;
    if (!OPEN_STATES.has(message.status) || Date.now() - local.at > LOCAL_ANSWER_MS) {
      state.answered.delete(message.message_id);
      return message;
    }
    return {
      ...message,
      status: "answered",
      answered_by: local.by,
      answered_at: new Date(local.at).toISOString(),
    };
  }

  function render(payload) {
    state.clockOffset = Date.parse(payload.now) - Date.now();
    state.ui = { url: payload.temporal_ui_url.replace(/\/+$/, ""), namespace: payload.namespace };
    state.replies = payload.replies ?? null;
    const container = $("#queue");
    for (const leaving of container.querySelectorAll(".card.leaving")) leaving.remove();
    const shown = payload.messages
      .map(withLocalAnswer)
      .filter((m) => state.filters.status !== "open" || OPEN_STATES.has(m.status));
    const keep = new Set();
    shown.forEach((message, index) => {
      keep.add(message.message_id);
      let entry = state.cards.get(message.message_id);
      if (!entry) {
        entry = { el: createCard(message.message_id), message };
        state.cards.set(message.message_id, entry);
        if (!state.quiet) entry.el.classList.add("fresh");
      }
      entry.message = message;
      fillCard(entry.el, message);
      const here = container.children[index];
      if (here !== entry.el) container.insertBefore(entry.el, here ?? null);
    });
    for (const [id, entry] of state.cards) {
      if (!keep.has(id)) {
        entry.el.remove();
        state.cards.delete(id);
      }
    }
    state.messages = shown;
    state.quiet = false;
    const empty = $("#empty");
    empty.hidden = shown.length > 0;
    const filtered = state.filters.priority || state.filters.category || state.filters.q.trim();
    Izer.setText(empty, t(state.filters.status === "open" && !filtered ? "empty.open" : "empty.filtered"));
    tick();
  }

  function createCard(id) {
    const el = $("#card-template").content.firstElementChild.cloneNode(true);
    el.dataset.messageId = id;
    $(".answer", el).addEventListener("click", () => markAnswered(id));
    $(".copy-reply", el).addEventListener("click", () => copyReply(id));
    const details = $(".history", el);
    details.addEventListener("toggle", () => {
      if (details.open) loadHistory(id);
    });
    el.addEventListener("animationend", () => el.classList.remove("fresh"));
    return el;
  }

  function fillCard(el, m) {
    const analysis = m.analysis ?? {};
    const routing = m.routing;
    const set = (selector, text) => Izer.setText($(selector, el), text);
    el.dataset.priority = analysis.priority_level ?? "pending";
    el.dataset.category = analysis.category ?? "";
    el.dataset.status = m.status;

    set(".priority", analysis.priority_level ? Izer.label("priority", analysis.priority_level) : t("card.pending"));
    const category = $(".category", el);
    category.hidden = !analysis.category;
    Izer.setText(category, Izer.label("category", analysis.category));
    const sentiment = $(".sentiment", el);
    sentiment.hidden = !analysis.sentiment;
    sentiment.dataset.sentiment = analysis.sentiment ?? "";
    Izer.setText(sentiment, Izer.label("sentiment", analysis.sentiment));
    const urgency = $(".urgency", el);
    urgency.hidden = analysis.urgency_score == null;
    urgency.dataset.high = String((analysis.urgency_score ?? 0) >= 8);
    Izer.setText(urgency, t("card.urgency", { n: analysis.urgency_score }));
    const escalation = $(".escalation", el);
    escalation.dataset.level = String(m.escalation_level ?? 0);
    Izer.setText(escalation, t("card.escalation", { n: m.escalation_level ?? 0 }));
    const status = $(".status", el);
    status.hidden = m.status === "open";
    status.dataset.status = m.status;
    Izer.setText(status, Izer.label("status", m.status));
    const review = $(".review", el);
    review.hidden = !analysis.needs_review;
    review.title = t("card.reviewTitle");
    Izer.setText(review, t("card.review"));

    set(".chat-name", m.chat_name || maskPhone(m.phone_number));
    const group = $(".group-tag", el);
    group.hidden = !m.is_group;
    Izer.setText(group, t("card.group"));
    set(".phone", maskPhone(m.phone_number));
    const received = $(".received", el);
    received.title = Izer.dateTime(m.received_at);
    set(".source", m.source ?? "");
    set(".text", m.current_message);

    const suggested = routing?.response?.suggested_reply ?? "";
    const agent = routing?.agent ? Izer.label("agent", routing.agent) : "";
    const reply = $(".reply", el);
    reply.dataset.state = !routing ? "pending" : routing.success ? "ok" : "failed";
    $(".reply-agent", el).title = routing?.agent ?? "";
    let head = t("card.routing");
    if (routing) head = t("card.suggested", { agent: routing.fallback ? `${agent} (${t("card.fallback")})` : agent });
    set(".reply-agent", head);
    let body = "";
    if (routing && !routing.success) body = t("card.routingFailed", { error: routing.error ?? "—" });
    else if (routing) body = suggested || t("card.noReply");
    set(".reply-text", body);
    const copy = $(".copy-reply", el);
    copy.hidden = !suggested || !navigator.clipboard;
    Izer.setText(copy, t("card.copy"));
    set(".history summary", t("card.history"));

    IzerReply.fill(el, m, state.replies);
    const answer = $(".answer", el);
    answer.hidden = !OPEN_STATES.has(m.status);
    if (!answer.disabled) Izer.setText(answer, t("card.answer"));
    const link = $(".workflow-link", el);
    link.hidden = !m.workflow_id || !state.ui;
    if (m.workflow_id && state.ui) {
      const href = `${state.ui.url}/namespaces/${encodeURIComponent(state.ui.namespace)}/workflows/${encodeURIComponent(m.workflow_id)}`;
      if (link.getAttribute("href") !== href) link.href = href;
    }
    Izer.setText(link, t("card.workflow"));
  }

  /** `+90555***4567`: enough to tell chats apart, not enough to copy a customer's number off a screen. */
  function maskPhone(phone) {
    if (!phone) return "";
    const text = String(phone);
    if (text.length <= 8) return `***${text.slice(-2)}`;
    return `${text.slice(0, Math.min(6, text.length - 7))}***${text.slice(-4)}`;
  }

  function now() {
    return Date.now() + state.clockOffset;
  }

  /** `14:05` (minutes:seconds) under an hour, `3:14:05` under a day, else days and hours. */
  function clock(seconds) {
    const s = Math.floor(Math.abs(seconds));
    const two = (n) => String(n).padStart(2, "0");
    if (s < 3600) return `${two(Math.floor(s / 60))}:${two(s % 60)}`;
    if (s < 86400) return `${Math.floor(s / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
    return Izer.duration(s);
  }

  function relative(iso, at) {
    const seconds = Math.round((Date.parse(iso) - at) / 1000);
    const format = new Intl.RelativeTimeFormat(Izer.locale(), { numeric: "auto" });
    const abs = Math.abs(seconds);
    if (abs < 60) return format.format(0, "second");
    if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
    if (abs < 86400) return format.format(Math.round(seconds / 3600), "hour");
    return format.format(Math.round(seconds / 86400), "day");
  }

  function dueText(iso, at) {
    const sameDay = new Date(iso).toDateString() === new Date(at).toDateString();
    return Izer.dateTime(iso, sameDay ? { timeStyle: "short" } : { dateStyle: "short", timeStyle: "short" });
  }

  function updateCountdown(el, m, at) {
    const box = $(".countdown", el);
    const set = (selector, text) => Izer.setText($(selector, box), text);
    const bar = $(".countdown-bar > span", box);
    if (m.received_at) Izer.setText($(".received", el), relative(m.received_at, at));
    let breached = false;
    if (m.status === "answered") {
      box.dataset.state = "answered";
      set(".countdown-label", t("card.answeredBy", { name: m.answered_by ?? "—" }));
      set(".countdown-value", m.answered_at ? dueText(m.answered_at, at) : "—");
      set(".countdown-due", m.due_at ? t("card.dueAt", { time: dueText(m.due_at, at) }) : "");
    } else if (m.status === "closed") {
      box.dataset.state = "closed";
      set(".countdown-label", Izer.label("status", "closed"));
      set(".countdown-value", "—");
      set(".countdown-due", t("card.closed"));
    } else if (!m.due_at) {
      box.dataset.state = "none";
      set(".countdown-label", t("card.noDeadline"));
      set(".countdown-value", "—");
      set(".countdown-due", "");
    } else {
      const due = Date.parse(m.due_at);
      const left = (due - at) / 1000;
      breached = left < 0;
      const start = Date.parse(m.received_at ?? m.due_at);
      const used = due > start ? Math.min(1, Math.max(0, (at - start) / (due - start))) : 1;
      box.dataset.state = breached ? "breached" : used >= 0.8 ? "warning" : "ok";
      set(".countdown-label", t(breached ? "card.overdue" : "card.timeLeft"));
      set(".countdown-value", `${breached ? "+" : ""}${clock(left)}`);
      set(".countdown-due", t("card.dueAt", { time: dueText(m.due_at, at) }));
      bar.style.width = `${Math.round(used * 100)}%`;
    }
    el.classList.toggle("is-breached", breached);
    return breached;
  }

  function tick() {
    const at = now();
    let breached = 0;
    for (const { el, message } of state.cards.values()) {
      if (updateCountdown(el, message, at)) breached += 1;
    }
    const open = state.messages.filter((m) => OPEN_STATES.has(m.status));
    Izer.setText($("#sum-shown"), String(state.messages.length));
    Izer.setText($("#sum-critical"), String(open.filter((m) => m.analysis?.priority_level === "critical").length));
    Izer.setText($("#sum-breached"), String(breached));
    Izer.setText($("#sum-escalated"), String(open.filter((m) => (m.escalation_level ?? 0) > 0).length));
    $(".tile-breached").dataset.alert = String(breached > 0);
    const title = `${open.length ? `(${open.length}) ` : ""}İzer · ${t("nav.queue")}`;
    if (document.title !== title) document.title = title;
  }

  async function loadHistory(id) {
    const entry = state.cards.get(id);
    if (!entry) return;
    const body = $(".history-body", entry.el);
    if (!body.childElementCount) body.replaceChildren(node("p", "note", t("card.loading")));
    try {
      const detail = await Izer.api(`/messages/${encodeURIComponent(id)}`);
      body.replaceChildren(...historyNodes(detail));
    } catch (err) {
      body.replaceChildren(node("p", "note failed", err instanceof Izer.ApiError ? err.message : t("error.network")));
    }
  }

  function node(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function historyNodes(detail) {
    const thread = node("ol", "thread");
    const entries = [...(detail.history ?? [])];
    for (const item of entries) {
      const li = node("li", item.is_business ? "from-business" : "from-customer");
      const head = node("div", "thread-head");
      head.append(node("strong", "", item.sender), node("span", "", Izer.dateTime(item.timestamp)));
      li.append(head, node("p", "", item.content));
      thread.append(li);
    }
    const current = node("li", "from-customer current");
    const head = node("div", "thread-head");
    head.append(
      node("strong", "", detail.chat_name ?? ""),
      node("span", "", `${Izer.dateTime(detail.chat_time ?? detail.received_at)} · ${t("card.thisMessage")}`),
    );
    current.append(head, node("p", "", detail.current_message ?? ""));
    thread.append(current, ...IzerReply.threadNodes(detail));
    const parts = [];
    if (!entries.length) parts.push(node("p", "note", t("card.noHistory")));
    parts.push(thread);

    const facts = node("dl", "facts");
    const fact = (term, value) => {
      if (!value) return;
      facts.append(node("dt", "", term), node("dd", "", value));
    };
    const analysis = detail.analysis ?? {};
    fact(t("card.keywords"), (analysis.keywords ?? []).join(", "));
    fact(t("card.responseTime"), analysis.recommended_response_time ? Izer.label("response", analysis.recommended_response_time) : "");
    fact(
      t("card.analyzer"),
      analysis.analyzer
        ? [
            analysis.analyzer,
            analysis.model_version ?? "",
            analysis.degraded ? `${t("card.degraded")}${analysis.degraded_reason ? `: ${analysis.degraded_reason}` : ""}` : "",
          ]
            .filter(Boolean)
            .join(" · ")
        : "",
    );
    if (detail.answered_at) {
      fact(
        t("card.answeredInfo"),
        `${detail.answered_by ?? "—"} · ${Izer.dateTime(detail.answered_at)} · ${detail.answer_source ?? ""}`,
      );
    }
    fact(t("card.messageId"), detail.message_id);
    parts.push(facts);

    if ((detail.escalations ?? []).length) {
      parts.push(node("h3", "", t("card.escalations")));
      const list = node("ul", "escalations");
      for (const e of detail.escalations) {
        const li = node(
          "li",
          e.delivered ? "" : "failed",
          t("card.escalationLine", {
            level: e.level,
            kind: Izer.label("kind", e.kind),
            target: e.target ?? "—",
            delivered: t(e.delivered ? "card.delivered" : "card.undelivered"),
            time: Izer.dateTime(e.created_at),
          }),
        );
        list.append(li);
      }
      parts.push(list);
    }
    if ((detail.corrections ?? []).length) {
      parts.push(node("h3", "", t("correct.history")));
      const list = node("ul", "corrections");
      for (const c of detail.corrections) {
        const changes = ["category", "priority", "action_required"]
          .filter((key) => c[key][0] !== c[key][1])
          .map((key) => `${key}: ${c[key][0]} → ${c[key][1]}`);
        list.append(node("li", "", `${c.corrected_by} · ${Izer.dateTime(c.corrected_at)} · ${changes.join(", ") || "="}`));
      }
      parts.push(list);
    }
    if (analysis.category) parts.push(correctionForm(detail));
    return parts;
  }

  /** Category, priority and "no action needed", preset to the labels as they stand; only changes are sent. */
  function correctionForm(detail) {
    const analysis = detail.analysis;
    const last = (detail.corrections ?? []).at(-1);
    const current = {
      category: last ? last.category[1] : analysis.category,
      priority: last ? last.priority[1] : analysis.priority_level,
      action_required: last ? last.action_required[1] : analysis.action_required,
    };
    const form = node("form", "correction");
    form.append(node("h3", "", t("correct.title")));
    const choice = (name, values, group) => {
      const wrap = node("label", "", t(`correct.${name}`));
      const select = node("select");
      select.name = name;
      for (const value of values) {
        const option = node("option", "", Izer.label(group, value));
        option.value = value;
        select.append(option);
      }
      select.value = current[name];
      wrap.append(select);
      form.append(wrap);
      return select;
    };
    const category = choice("category", ["sales", "support", "complaint", "inquiry", "technical", "general"], "category");
    const priority = choice("priority", ["critical", "high", "normal", "low"], "priority");
    const noAction = node("input");
    noAction.type = "checkbox";
    noAction.name = "no_action";
    noAction.checked = !current.action_required;
    const noActionLabel = node("label", "", t("correct.noAction"));
    noActionLabel.prepend(noAction);
    const save = node("button", "button", t("correct.save"));
    save.type = "submit";
    form.append(noActionLabel, save);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const name = Izer.stored(NAME_KEY) || (await askName());
      if (!name) return;
      const body = { corrected_by: name };
      if (category.value !== current.category) body.category = category.value;
      if (priority.value !== current.priority) body.priority = priority.value;
      if (noAction.checked === current.action_required) body.action_required = !noAction.checked;
      if (Object.keys(body).length === 1) return;
      save.disabled = true;
      try {
        const saved = await Izer.api(`/messages/${encodeURIComponent(detail.message_id)}/corrections`, {
          method: "POST",
          body,
        });
        Izer.toast(t(saved.deadline_recomputed ? "correct.savedSooner" : "correct.saved"));
        await loadHistory(detail.message_id);
        refresh({ force: true });
      } catch (err) {
        save.disabled = false;
        Izer.toast(err instanceof Izer.ApiError ? err.message : t("error.network"), "error");
      }
    });
    return form;
  }

  function askName() {
    const dialog = $("#name-dialog");
    const form = $("form", dialog);
    form.elements.name.value = Izer.stored(NAME_KEY) ?? "";
    dialog.returnValue = "";
    dialog.showModal();
    form.elements.name.select();
    return new Promise((resolve) => {
      dialog.addEventListener(
        "close",
        () => {
          const name = form.elements.name.value.trim();
          if (dialog.returnValue === "save" && name) {
            Izer.store(NAME_KEY, name);
            showWho();
            resolve(name);
          } else {
            resolve(null);
          }
        },
        { once: true },
      );
    });
  }

  function showWho() {
    const name = Izer.stored(NAME_KEY);
    Izer.setText($("#who"), name ? t("who.as", { name }) : t("who.nobody"));
  }

  async function markAnswered(id) {
    const entry = state.cards.get(id);
    if (!entry) return;
    const button = $(".answer", entry.el);
    const name = Izer.stored(NAME_KEY) || (await askName());
    if (!name) return;
    button.disabled = true;
    Izer.setText(button, t("card.answering"));
    try {
      await Izer.api(`/messages/${encodeURIComponent(id)}/answer`, {
        method: "POST",
        body: { answered_by: name, source: "dashboard" },
      });
    } catch (err) {
      button.disabled = false;
      Izer.setText(button, t("card.answer"));
      Izer.toast(err instanceof Izer.ApiError ? err.message : t("error.network"), "error");
      return;
    }
    button.disabled = false;
    state.answered.set(id, { at: Date.now(), by: name });
    Izer.toast(t("card.answered", { chat: entry.message.chat_name ?? id }));
    const answered = withLocalAnswer(entry.message);
    if (state.filters.status === "open") {
      state.cards.delete(id);
      state.messages = state.messages.filter((m) => m.message_id !== id);
      entry.el.classList.add("leaving");
      entry.el
        .animate([{ opacity: 1 }, { opacity: 0, transform: "translateX(32px)" }], { duration: 250, easing: "ease-in" })
        .finished.then(() => entry.el.remove());
    } else {
      entry.message = answered;
      state.messages = state.messages.map((m) => (m.message_id === id ? answered : m));
      fillCard(entry.el, answered);
    }
    tick();
  }

  async function copyReply(id) {
    const text = state.cards.get(id)?.message.routing?.response?.suggested_reply;
    if (!text) return;
    await navigator.clipboard.writeText(text);
    Izer.toast(t("card.copied"));
  }

  function wireFilters() {
    const form = $("#filters");
    form.elements.status.value = state.filters.status;
    form.elements.priority.value = state.filters.priority;
    form.elements.category.value = state.filters.category;
    form.elements.q.value = state.filters.q;
    let typing = 0;
    const apply = () => {
      clearTimeout(typing);
      state.filters = {
        status: form.elements.status.value,
        priority: form.elements.priority.value,
        category: form.elements.category.value,
        q: form.elements.q.value,
      };
      writeFilters();
      state.quiet = true;
      refresh({ force: true });
    };
    form.addEventListener("change", (event) => {
      if (event.target.name !== "q") apply();
    });
    form.elements.q.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(apply, 300);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      apply();
    });
  }

  function start() {
    Izer.start();
    showWho();
    $("#who").addEventListener("click", askName);
    wireFilters();
    feedState(t("feed.loading"));
    document.addEventListener("izer:language", () => {
      showWho();
      for (const { el, message } of state.cards.values()) {
        fillCard(el, message);
        const details = $(".history", el);
        if (details.open) loadHistory(message.message_id);
      }
      refresh({ force: true });
    });
    document.addEventListener("izer:ask-name", askName);
    document.addEventListener("izer:reload-history", (event) => loadHistory(event.detail.id));
    document.addEventListener("izer:replied", () => refresh({ force: true }));
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) refresh();
    });
    refresh({ force: true });
    setInterval(() => {
      if (!document.hidden) refresh();
    }, POLL_MS);
    setInterval(tick, 1000);
  }

  start();
})();
