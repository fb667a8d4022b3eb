/* What both dashboard pages share: the interface language, the API token and calls to the API. */
"use strict";

const Izer = (() => {
  const LANG_KEY = "izer.lang";
  const TOKEN_KEY = "izer.apiToken";
  const LANGS = ["tr", "en"];

  const strings = {
    tr: {
      "nav.queue": "Kuyruk",
      "nav.stats": "İstatistikler",
      "lang.label": "Dil",
      "token.title": "API anahtarı gerekli",
      "token.explain": "Bu sunucu bir API anahtarı istiyor. Anahtar yalnızca bu tarayıcıda saklanır.",
      "token.wrong": "Anahtar kabul edilmedi. Lütfen tekrar deneyin.",
      "token.label": "API anahtarı",
      "token.save": "Kaydet ve devam et",
      "token.forget": "Anahtarı unut",
      "error.network": "Sunucuya ulaşılamıyor; yeniden deneniyor…",
      "error.http": "Sunucu hatası ({status}): {detail}",
      "category.sales": "Satış",
      "category.support": "Destek",
      "category.complaint": "Şikâyet",
      "category.inquiry": "Bilgi talebi",
      "category.technical": "Teknik",
      "category.general": "Genel",
      "category.unanalyzed": "Analiz edilmedi",
      "priority.critical": "Kritik",
      "priority.high": "Yüksek",
      "priority.normal": "Normal",
      "priority.low": "Düşük",
      "sentiment.positive": "Olumlu",
      "sentiment.negative": "Olumsuz",
      "sentiment.neutral": "Nötr",
      "sentiment.urgent": "Acil",
      "status.received": "Alındı",
      "status.open": "Açık",
      "status.escalated": "Yükseltildi",
      "status.answered": "Yanıtlandı",
      "status.closed": "Kapandı",
      "agent.general_purpose": "Genel asistan",
      "agent.business_workflow": "İş süreçleri",
      "agent.code_debugger": "Teknik servis",
      "agent.agent_hub": "Ajan merkezi",
      "duration.seconds": "{n} sn",
      "duration.minutes": "{n} dk",
      "duration.hours": "{h} sa {m} dk",
      "duration.hoursOnly": "{n} sa",
      "duration.days": "{d} g {h} sa",
    },
    en: {
      "nav.queue": "Queue",
      "nav.stats": "Statistics",
      "lang.label": "Language",
      "token.title": "API token required",
      "token.explain": "This server needs an API token. It is kept in this browser only.",
      "token.wrong": "The token was not accepted. Please try again.",
      "token.label": "API token",
      "token.save": "Save and continue",
      "token.forget": "Forget token",
      "error.network": "Cannot reach the server; retrying…",
      "error.http": "Server error ({status}): {detail}",
      "category.sales": "Sales",
      "category.support": "Support",
      "category.complaint": "Complaint",
      "category.inquiry": "Inquiry",
      "category.technical": "Technical",
      "category.general": "General",
      "category.unanalyzed": "Not analyzed",
      "priority.critical": "Critical",
      "priority.high": "High",
      "priority.normal": "Normal",
      "priority.low": "Low",
      "sentiment.positive": "Positive",
      "sentiment.negative": "Negative",
      "sentiment.neutral": "Neutral",
      "sentiment.urgent": "Urgent",
      "status.received": "Received",
      "status.open": "Open",
      "status.escalated": "Escalated",
      "status.answered": "Answered",
      "status.closed": "Closed",
      "agent.general_purpose": "General assistant",
      "agent.business_workflow": "Business workflow",
      "agent.code_debugger": "Workshop (technical)",
      "agent.agent_hub": "Agent hub",
      "duration.seconds": "{n} s",
      "duration.minutes": "{n} min",
      "duration.hours": "{h} h {m} min",
      "duration.hoursOnly": "{n} h",
      "duration.days": "{d} d {h} h",
    },
  };

  function stored(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      /* private mode: the value lives for this page only */
    }
  }

  let lang = LANGS.includes(stored(LANG_KEY)) ? stored(LANG_KEY) : "tr";

  /** The text for `key` in the current language, with `{name}` placeholders filled from `vars`. */
  function t(key, vars = {}) {
    const text = strings[lang][key] ?? strings.tr[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
  }

  /** A label such as `category.sales`, or the raw value when the interface has no name for it. */
  function label(group, value) {
    if (value === null || value === undefined || value === "") return "—";
    const key = `${group}.${value}`;
    return strings[lang][key] ?? strings.tr[key] ?? String(value).replaceAll("_", " ");
  }

  function addStrings(more) {
    for (const code of LANGS) Object.assign(strings[code], more[code]);
  }

  function locale() {
    return lang === "tr" ? "tr-TR" : "en-GB";
  }

  /** Fill every element marked with data-i18n (text) or data-i18n-<attribute> in `root`. */
  function translate(root = document) {
    document.documentElement.lang = lang;
    for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    for (const attr of ["placeholder", "title", "aria-label"]) {
      const data = `i18n${attr.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;
      for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) el.setAttribute(attr, t(el.dataset[data]));
    }
    for (const button of document.querySelectorAll("[data-lang]")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
    }
  }

  function setLanguage(code) {
    if (!LANGS.includes(code) || code === lang) return;
    lang = code;
    store(LANG_KEY, code);
    translate();
    document.dispatchEvent(new CustomEvent("izer:language", { detail: code }));
  }

  /* The API token: asked for once on the first 401, kept in localStorage, sent as a Bearer header. */
  let pendingToken = null;

  function tokenDialog() {
    let dialog = document.getElementById("token-dialog");
    if (dialog) return dialog;
    dialog = document.createElement("dialog");
    dialog.id = "token-dialog";
    dialog.className = "modal";
    dialog.innerHTML = `
      <form method="dialog" class="modal-form">
        <h2 data-i18n="token.title"></h2>
        <p class="modal-help" data-i18n="token.explain"></p>
        <p class="modal-error" hidden data-i18n="token.wrong"></p>
        <label><span data-i18n="token.label"></span>
          <input name="token" type="password" required autocomplete="off" spellcheck="false"></label>
        <div class="modal-actions"><button class="button primary" data-i18n="token.save"></button></div>
      </form>`;
    dialog.addEventListener("cancel", (event) => event.preventDefault());
    document.body.append(dialog);
    translate(dialog);
    return dialog;
  }

  function askToken(wrong) {
    if (pendingToken) return pendingToken;
    const dialog = tokenDialog();
    const form = dialog.querySelector("form");
    dialog.querySelector(".modal-error").hidden = !wrong;
    form.reset();
    pendingToken = new Promise((resolve) => {
      form.addEventListener(
        "submit",
        (event) => {
          event.preventDefault();
          store(TOKEN_KEY, form.elements.token.value.trim());
          form.reset();
          dialog.close();
          pendingToken = null;
          showForget();
          resolve();
        },
        { once: true },
      );
    });
    dialog.showModal();
    form.elements.token.focus();
    return pendingToken;
  }

  function showForget() {
    const button = document.getElementById("forget-token");
    if (button) button.hidden = !stored(TOKEN_KEY);
  }

  class ApiError extends Error {
    constructor(status, detail) {
      super(t("error.http", { status, detail }));
      this.status = status;
    }
  }

  /** Call the API as JSON; on 401 ask for the token (one prompt for all waiting calls) and retry. */
  async function api(path, { method = "GET", body } = {}) {
    for (;;) {
      const token = stored(TOKEN_KEY);
      const headers = { Accept: "application/json" };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const response = await fetch(path, {
        method,
        headers,
        cache: "no-store",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status === 401) {
        if (stored(TOKEN_KEY) !== token) continue;
        if (token) store(TOKEN_KEY, null);
        await askToken(Boolean(token));
        continue;
      }
      if (!response.ok) {
        let detail = response.statusText;
        try {
          const data = await response.json();
          detail = data.error ?? JSON.stringify(data.detail ?? data);
        } catch {
          /* not JSON: the status text says enough */
        }
        throw new ApiError(response.status, detail);
      }
      return response.json();
    }
  }

  /** "3 min" / "2 h 5 min" / "1 d 4 h" for a number of seconds. */
  function duration(seconds) {
    const s = Math.max(0, Math.round(Math.abs(seconds)));
    if (s < 60) return t("duration.seconds", { n: s });
    if (s < 3600) return t("duration.minutes", { n: Math.round(s / 60) });
    if (s < 86400) return t("duration.hours", { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
    return t("duration.days", { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600) });
  }

  function dateTime(iso, options = { dateStyle: "short", timeStyle: "short" }) {
    return iso ? new Intl.DateTimeFormat(locale(), options).format(new Date(iso)) : "—";
  }

  function setText(el, value) {
    const text = value ?? "";
    if (el.textContent !== text) el.textContent = text;
  }

  let toastTimer = 0;

  function toast(message, kind = "info") {
    const el = document.getElementById("toast");
    if (!el) return;
    el.textContent = message;
    el.dataset.kind = kind;
    el.classList.add("visible");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => el.classList.remove("visible"), 4000);
  }

  function start() {
    translate();
    for (const button of document.querySelectorAll("[data-lang]")) {
      button.addEventListener("click", () => setLanguage(button.dataset.lang));
    }
    const forget = document.getElementById("forget-token");
    if (forget) {
      forget.addEventListener("click", () => {
        store(TOKEN_KEY, null);
        location.reload();
      });
    }
    showForget();
  }

  return {
    t,
    label,
    addStrings,
    locale,
    translate,
    api,
    ApiError,
    duration,
    dateTime,
    setText,
    toast,
    start,
    stored,
    store,
    get lang() {
      return lang;
    },
  };
})();
