/* Replying to the customer from a card, through the WhatsApp Cloud API: a box prefilled with the agent's
   suggested reply, the 24-hour rule told before sending (with the approved template instead), Meta's
   refusals told in words, and the replies shown in the card's thread. Bridge messages have no box. */
"use strict";

window.IzerReply = (() => {
  const NAME_KEY = "izer.answeredBy";
  const OPEN_STATES = new Set(["received", "open", "escalated"]);
  const META_CODES = ["131047", "131026", "190", "131030", "131051", "132000", "132001", "131056", "130429", "100", "368"];

  Izer.addStrings({
    tr: {
      "reply.title": "Müşteriye WhatsApp'tan yanıt",
      "reply.send": "Gönder",
      "reply.sending": "Gönderiliyor…",
      "reply.template": "Şablonu gönder ({name})",
      "reply.windowClosed":
        "Müşteri 24 saatten uzun süredir yazmadı: WhatsApp serbest metni kabul etmez, yalnızca onaylı şablon gönderilebilir.",
      "reply.noTemplate": "Onaylı şablon tanımlı değil (WHATSAPP_REPLY_TEMPLATE).",
      "reply.accepted": "Yanıt gönderildi: “{chat}”",
      "reply.pending": "Yanıt gönderiliyor; sonucu sohbette görünecek.",
      "reply.refused": "WhatsApp yanıtı reddetti: {words}",
      "reply.noName": "Yanıtlamak için adınızı girin.",
      "reply.empty": "Yanıt boş.",
      "reply.you": "{name} · İzer'den",
      "reply.status.sending": "gönderiliyor",
      "reply.status.unsent": "gönderilemedi",
      "reply.status.accepted": "WhatsApp kabul etti",
      "reply.status.sent": "gönderildi",
      "reply.status.delivered": "iletildi",
      "reply.status.read": "okundu",
      "reply.status.failed": "iletilemedi",
      "reply.status.rejected": "reddedildi",
      "meta.131047": "24 saatlik müşteri hizmetleri penceresi kapandı; yalnızca onaylı şablon gönderilebilir.",
      "meta.131026": "Mesaj iletilemedi: numara WhatsApp kullanmıyor olabilir ya da işletmeyi engellemiş olabilir.",
      "meta.190": "WhatsApp erişim anahtarının süresi dolmuş ya da geçersiz (WHATSAPP_ACCESS_TOKEN yenilenmeli).",
      "meta.131030": "Bu numara test hesabının izinli alıcıları arasında değil.",
      "meta.131051": "Bu mesaj türü desteklenmiyor.",
      "meta.132000": "Şablonun değişken sayısı uyuşmuyor.",
      "meta.132001": "Şablon bu dilde yok ya da onaylanmamış.",
      "meta.131056": "Bu müşteriye çok kısa sürede çok fazla mesaj gönderildi; biraz sonra deneyin.",
      "meta.130429": "WhatsApp gönderim sınırına ulaşıldı; biraz sonra deneyin.",
      "meta.100": "WhatsApp isteği geçersiz buldu.",
      "meta.368": "Hesap politika ihlali nedeniyle geçici olarak engellendi.",
      "meta.other": "{detail}",
    },
    en: {
      "reply.title": "Reply to the customer on WhatsApp",
      "reply.send": "Send",
      "reply.sending": "Sending…",
      "reply.template": "Send the template ({name})",
      "reply.windowClosed":
        "The customer last wrote more than 24 hours ago: WhatsApp refuses free text; only an approved template can be sent.",
      "reply.noTemplate": "No approved template is configured (WHATSAPP_REPLY_TEMPLATE).",
      "reply.accepted": "Reply sent: “{chat}”",
      "reply.pending": "The reply is being sent; its outcome will show in the thread.",
      "reply.refused": "WhatsApp refused the reply: {words}",
      "reply.noName": "Enter your name to reply.",
      "reply.empty": "The reply is empty.",
      "reply.you": "{name} · from İzer",
      "reply.status.sending": "sending",
      "reply.status.unsent": "not sent",
      "reply.status.accepted": "accepted by WhatsApp",
      "reply.status.sent": "sent",
      "reply.status.delivered": "delivered",
      "reply.status.read": "read",
      "reply.status.failed": "failed",
      "reply.status.rejected": "refused",
      "meta.131047": "The 24-hour customer-service window has closed; only an approved template can be sent.",
      "meta.131026": "The message could not be delivered: the number may not use WhatsApp, or has blocked the business.",
      "meta.190": "The WhatsApp access token has expired or is invalid (renew WHATSAPP_ACCESS_TOKEN).",
      "meta.131030": "This number is not among the test account's allowed recipients.",
      "meta.131051": "This message type is not supported.",
      "meta.132000": "The template's number of parameters does not match.",
      "meta.132001": "The template does not exist in this language or is not approved.",
      "meta.131056": "Too many messages to this customer in a short time; try again a little later.",
      "meta.130429": "WhatsApp's sending limit was reached; try again a little later.",
      "meta.100": "WhatsApp found the request invalid.",
      "meta.368": "The account is temporarily blocked for a policy violation.",
      "meta.other": "{detail}",
    },
  });

  const t = Izer.t;
  const $ = (selector, root) => root.querySelector(selector);

  /** Meta's error in words: the known codes in the page's language, else Meta's own text. */
  function words(code, detail) {
    if (code != null && META_CODES.includes(String(code))) return t(`meta.${code}`);
    return t("meta.other", { detail: detail || (code != null ? `#${code}` : "—") });
  }

  /** Show or hide the box for a card; the suggested reply fills it until the person types. */
  function fill(el, m, config) {
    const form = $(".send-reply", el);
    const enabled = Boolean(config?.enabled) && m.source === "whatsapp" && OPEN_STATES.has(m.status);
    form.hidden = !enabled;
    if (!enabled) return;
    if (!form.dataset.wired) wire(form, el, m.message_id);
    form.dataset.chat = m.chat_name || "";
    form.dataset.template = config.template ?? "";
    const box = form.elements.text;
    const suggested = m.routing?.response?.suggested_reply ?? "";
    if (!box.dataset.dirty && box.value !== suggested) box.value = suggested;
    const closes = m.reply_window_closes_at ? Date.parse(m.reply_window_closes_at) : NaN;
    const open = Number.isFinite(closes) && closes > Date.now();
    form.dataset.window = open ? "open" : "closed";
    Izer.setText($(".send-reply-title", form), t("reply.title"));
    const note = $(".send-reply-note", form);
    note.hidden = open;
    Izer.setText(note, open ? "" : config.template ? t("reply.windowClosed") : `${t("reply.windowClosed")} ${t("reply.noTemplate")}`);
    box.disabled = !open;
    const send = $(".send", form);
    send.hidden = !open;
    if (!send.disabled) Izer.setText(send, t("reply.send"));
    const template = $(".send-template", form);
    template.hidden = open || !config.template;
    if (!template.disabled) Izer.setText(template, t("reply.template", { name: config.template ?? "" }));
  }

  function wire(form, el, id) {
    form.dataset.wired = "1";
    const box = form.elements.text;
    box.addEventListener("input", () => {
      box.dataset.dirty = "1";
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send(form, el, id, false);
    });
    $(".send-template", form).addEventListener("click", () => send(form, el, id, true));
  }

  function newKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function send(form, el, id, template) {
    const error = $(".send-reply-error", form);
    error.hidden = true;
    const name = Izer.stored(NAME_KEY);
    if (!name) {
      showError(error, t("reply.noName"));
      document.dispatchEvent(new CustomEvent("izer:ask-name"));
      return;
    }
    const text = form.elements.text.value.trim();
    if (!template && !text) {
      showError(error, t("reply.empty"));
      return;
    }
    const button = $(template ? ".send-template" : ".send", form);
    button.disabled = true;
    Izer.setText(button, t("reply.sending"));
    // One key per press: pressing again after a network error never sends twice.
    form.dataset.key = form.dataset.key || newKey();
    try {
      const outcome = await Izer.api(`/messages/${encodeURIComponent(id)}/reply`, {
        method: "POST",
        body: { text: template ? "" : text, sent_by: name, template, reply_key: form.dataset.key },
      });
      delete form.dataset.key;
      if (outcome.accepted) {
        Izer.toast(t("reply.accepted", { chat: form.dataset.chat || id }));
        form.elements.text.dataset.dirty = "";
        document.dispatchEvent(new CustomEvent("izer:replied", { detail: { id, by: name } }));
      } else if (outcome.pending) {
        Izer.toast(t("reply.pending"));
      } else {
        showError(error, t("reply.refused", { words: words(outcome.error_code, outcome.error) }));
      }
    } catch (err) {
      showError(error, err instanceof Izer.ApiError ? err.message : t("error.network"));
    } finally {
      button.disabled = false;
      Izer.setText(button, template ? t("reply.template", { name: form.dataset.template }) : t("reply.send"));
    }
    const details = $(".history", el);
    if (details.open) document.dispatchEvent(new CustomEvent("izer:reload-history", { detail: { id } }));
  }

  function showError(el, text) {
    Izer.setText(el, text);
    el.hidden = false;
  }

  /** The replies sent from İzer, as thread entries from the business. */
  function threadNodes(detail) {
    return (detail.replies ?? []).map((reply) => {
      const li = document.createElement("li");
      li.className = `from-business reply-sent reply-${reply.status}`;
      const head = document.createElement("div");
      head.className = "thread-head";
      const who = document.createElement("strong");
      who.textContent = t("reply.you", { name: reply.sent_by });
      const when = document.createElement("span");
      when.textContent = `${Izer.dateTime(reply.created_at)} · ${t(`reply.status.${reply.status}`)}`;
      head.append(who, when);
      const body = document.createElement("p");
      body.textContent = reply.text;
      li.append(head, body);
      if (reply.error_code != null || (reply.error && reply.status !== "accepted")) {
        const problem = document.createElement("p");
        problem.className = "note failed";
        problem.textContent = words(reply.error_code, reply.error);
        li.append(problem);
      }
      return li;
    });
  }

  return { fill, threadNodes, words };
})();
