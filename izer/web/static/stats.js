/* The statistics page: GET /stats (JSON) drawn with Chart.js, for the last 24 hours or 7 days. */
"use strict";

(() => {
  const POLL_MS = 30000;
  const RANGE_KEY = "izer.statsHours";
  const RANGES = ["24", "168"];
  const PRIORITIES = ["critical", "high", "normal", "low"];
  const PRIORITY_COLORS = { critical: "#d92d20", high: "#e8590c", normal: "#1d5bd6", low: "#98a2b3" };
  const CATEGORIES = ["technical", "complaint", "support", "sales", "inquiry", "general", "unanalyzed"];
  const CATEGORY_COLORS = {
    technical: "#e8590c",
    complaint: "#d92d20",
    support: "#1d5bd6",
    sales: "#087a5b",
    inquiry: "#7a5af8",
    general: "#98a2b3",
    unanalyzed: "#d0d5dd",
  };
  const ANALYZER_COLORS = { openai: "#087a5b", rules: "#1d5bd6", degraded: "#dc6803" };
  const LEVEL_COLORS = ["#fdb022", "#f97066", "#d92d20", "#b42318", "#912018", "#7a271a"];

  Izer.addStrings({
    tr: {
      "stats.title": "İstatistikler",
      "stats.range": "Zaman aralığı",
      "stats.day": "Son 24 saat",
      "stats.week": "Son 7 gün",
      "stats.updated": "{since} – {until} arası · güncellendi {time}",
      "stats.loading": "Yükleniyor…",
      "stats.noData": "Bu aralıkta veri yok",
      "kpi.total": "Mesaj",
      "kpi.within": "Süresinde yanıtlanan",
      "kpi.median": "Ortanca yanıt süresi",
      "kpi.p90": "p90: {value}",
      "kpi.breaches": "Süresi geçmiş açık mesaj",
      "kpi.escalations": "Yükseltme",
      "kpi.escalationsSub": "{warnings} uyarı · {undelivered} iletilemedi",
      "kpi.failures": "Yönlendirme hatası",
      "kpi.failuresSub": "{fallbacks} yedek ajana gitti · {degraded} yedek analiz",
      "chart.hourly": "Saatlik mesajlar (kategoriye göre)",
      "chart.hourlyHelp": "Her saatte gelen mesajlar, analiz edilen kategoriye göre yığılmış.",
      "chart.priority": "Öncelik dağılımı",
      "chart.priorityHelp": "Analiz edilen mesajların öncelikleri.",
      "chart.within": "Süresinde yanıtlanan pay",
      "chart.withinHelp": "Yanıtlanan mesajlardan, son süreden önce yanıtlananların payı (önceliğe göre).",
      "chart.answerTimes": "Yanıt süreleri",
      "chart.answerTimesHelp": "Mesajın gelişinden yanıtına kadar geçen süre: ortanca ve p90 (önceliğe göre).",
      "chart.escalations": "Yükseltmeler",
      "chart.escalationsHelp": "Süre dolmadan giden uyarılar ve seviyelere göre süre aşımı yükseltmeleri.",
      "chart.agents": "Ajan başarı oranı",
      "chart.agentsHelp": "Ajanlara yapılan yönlendirmelerden başarılı olanların payı.",
      "chart.analyzer": "Kullanılan analiz",
      "chart.analyzerHelp": "Mesajları hangi analizcinin etiketlediği; LLM başarısız olunca kurallar devreye girer.",
      "series.median": "Ortanca",
      "series.p90": "p90",
      "series.within": "Süresinde",
      "series.successRate": "Başarı",
      "series.messages": "Mesaj",
      "all": "Tümü",
      "level": "Seviye {n}",
      "warnings": "Uyarı",
      "tooltip.within": "{share} · {answered} yanıtlanan / {messages} mesaj",
      "tooltip.agent": "{share} · {calls} yönlendirme",
      "analyzer.openai": "OpenAI",
      "analyzer.rules": "Kurallar",
      "analyzer.degraded": "Kurallar (LLM başarısız)",
    },
    en: {
      "stats.title": "Statistics",
      "stats.range": "Time range",
      "stats.day": "Last 24 hours",
      "stats.week": "Last 7 days",
      "stats.updated": "{since} – {until} · updated {time}",
      "stats.loading": "Loading…",
      "stats.noData": "No data in this range",
      "kpi.total": "Messages",
      "kpi.within": "Answered within deadline",
      "kpi.median": "Median answer time",
      "kpi.p90": "p90: {value}",
      "kpi.breaches": "Open messages past deadline",
      "kpi.escalations": "Escalations",
      "kpi.escalationsSub": "{warnings} warnings · {undelivered} undelivered",
      "kpi.failures": "Routing failures",
      "kpi.failuresSub": "{fallbacks} went to a fallback agent · {degraded} fallback analyses",
      "chart.hourly": "Messages per hour (by category)",
      "chart.hourlyHelp": "Messages received each hour, stacked by their analyzed category.",
      "chart.priority": "Priority mix",
      "chart.priorityHelp": "Priorities of the analyzed messages.",
      "chart.within": "Share answered within deadline",
      "chart.withinHelp": "Of the answered messages, the share answered before their deadline (by priority).",
      "chart.answerTimes": "Answer times",
      "chart.answerTimesHelp": "Time from arrival to answer: median and p90 (by priority).",
      "chart.escalations": "Escalations",
      "chart.escalationsHelp": "Warnings sent before a deadline, and breach escalations by level.",
      "chart.agents": "Agent success rate",
      "chart.agentsHelp": "Share of the routings to each agent that succeeded.",
      "chart.analyzer": "Analyzer in use",
      "chart.analyzerHelp": "Which analyzer labelled the messages; the rules take over when the LLM fails.",
      "series.median": "Median",
      "series.p90": "p90",
      "series.within": "Within deadline",
      "series.successRate": "Success",
      "series.messages": "Messages",
      all: "All",
      level: "Level {n}",
      warnings: "Warning",
      "tooltip.within": "{share} · {answered} answered / {messages} messages",
      "tooltip.agent": "{share} · {calls} routings",
      "analyzer.openai": "OpenAI",
      "analyzer.rules": "Rules",
      "analyzer.degraded": "Rules (LLM failed)",
    },
  });

  const t = Izer.t;
  const $ = (selector) => document.querySelector(selector);
  const charts = {};

  const percent = (share) => (share == null ? "–" : `${Math.round(share * 100)}%`);
  const UNITS = [
    { seconds: 1, key: "duration.seconds", below: 120 },
    { seconds: 60, key: "duration.minutes", below: 120 * 60 },
    { seconds: 3600, key: "duration.hoursOnly", below: Infinity },
  ];

  const state = { hours: RANGES.includes(Izer.stored(RANGE_KEY)) ? Izer.stored(RANGE_KEY) : "24", data: null, seq: 0, animate: true, timeUnit: UNITS[0] };

  /** Seconds, minutes or hours: whichever keeps the longest time in the chart readable. */
  function timeUnit(longest) {
    return UNITS.find((unit) => longest < unit.below);
  }

  function setupDefaults() {
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    Chart.defaults.color = "#5d6b82";
    Chart.defaults.borderColor = "#eaecf0";
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.animation.duration = 350;
    Chart.defaults.plugins.legend.labels.boxWidth = 12;
    Chart.defaults.plugins.legend.labels.boxHeight = 12;
  }

  function chart(id, config) {
    charts[id] = new Chart(document.getElementById(id), config);
    return charts[id];
  }

  function createCharts() {
    const percentAxis = { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } };
    chart("chart-hourly", {
      type: "bar",
      data: { labels: [], datasets: [] },
      options: {
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { stacked: true, grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
    chart("chart-priority", {
      type: "doughnut",
      data: { labels: [], datasets: [{ data: [], backgroundColor: [], borderWidth: 2 }] },
      options: { cutout: "62%", plugins: { legend: { position: "right" } } },
    });
    chart("chart-within", {
      type: "bar",
      data: { labels: [], datasets: [{ label: "", data: [], backgroundColor: [], borderRadius: 6 }] },
      options: {
        scales: { y: percentAxis, x: { grid: { display: false } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => withinTooltip(item.dataIndex) } },
        },
      },
    });
    chart("chart-answer-times", {
      type: "bar",
      data: {
        labels: [],
        datasets: [
          { label: "", data: [], backgroundColor: "#1d5bd6", borderRadius: 6 },
          { label: "", data: [], backgroundColor: "#b2ccff", borderRadius: 6 },
        ],
      },
      options: {
        scales: {
          y: { beginAtZero: true, ticks: { callback: (v) => t(state.timeUnit.key, { n: v }) } },
          x: { grid: { display: false } },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
    chart("chart-escalations", {
      type: "bar",
      data: { labels: [], datasets: [{ label: "", data: [], backgroundColor: [], borderRadius: 6 }] },
      options: {
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } },
        plugins: { legend: { display: false } },
      },
    });
    chart("chart-agents", {
      type: "bar",
      data: { labels: [], datasets: [{ label: "", data: [], backgroundColor: [], borderRadius: 6 }] },
      options: {
        indexAxis: "y",
        scales: { x: percentAxis, y: { grid: { display: false } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => agentTooltip(item.dataIndex) } },
        },
      },
    });
    chart("chart-analyzer", {
      type: "doughnut",
      data: { labels: [], datasets: [{ data: [], backgroundColor: [], borderWidth: 2 }] },
      options: { cutout: "62%", plugins: { legend: { position: "right" } } },
    });
  }

  function withinTooltip(index) {
    const block = blocks()[index];
    if (!block) return "";
    return t("tooltip.within", {
      share: percent(block.answered_within_deadline),
      answered: block.answered,
      messages: block.messages,
    });
  }

  function agentTooltip(index) {
    const agents = Object.keys(state.data?.sla_by_agent ?? {});
    const name = agents[index];
    if (!name) return "";
    return t("tooltip.agent", {
      share: percent(state.data.sla_by_agent[name].success_rate),
      calls: state.data.by_agent?.[name] ?? 0,
    });
  }

  /** The SLA blocks per priority and then for all messages, in chart order. */
  function blocks() {
    const data = state.data;
    if (!data) return [];
    return [...PRIORITIES.map((p) => data.sla_by_priority?.[p] ?? {}), data.answer_times ?? {}];
  }

  function hourBuckets(data) {
    const hour = 3600 * 1000;
    const counts = new Map(Object.entries(data.messages_per_hour ?? {}).map(([iso, v]) => [Date.parse(iso), v]));
    const end = Math.floor(Date.parse(data.generated_at) / hour) * hour;
    const start = Math.floor(Date.parse(data.since) / hour) * hour;
    const buckets = [];
    for (let at = start; at <= end; at += hour) buckets.push({ at, counts: counts.get(at) ?? {} });
    return buckets;
  }

  function showNoData(id, empty) {
    const box = document.getElementById(id).parentElement;
    let note = box.querySelector(".no-data");
    if (!note) {
      note = document.createElement("p");
      note.className = "no-data";
      box.append(note);
    }
    note.textContent = t("stats.noData");
    note.hidden = !empty;
  }

  function update(chartId, mutate, empty) {
    const target = charts[chartId];
    mutate(target.data);
    target.update(state.animate ? undefined : "none");
    showNoData(chartId, empty);
  }

  function render() {
    const data = state.data;
    const week = state.hours === "168";
    const buckets = hourBuckets(data);
    const hourFormat = new Intl.DateTimeFormat(Izer.locale(), week
      ? { weekday: "short", hour: "2-digit", minute: "2-digit" }
      : { hour: "2-digit", minute: "2-digit" });
    const present = CATEGORIES.filter((c) => buckets.some((b) => b.counts[c]));
    update(
      "chart-hourly",
      (d) => {
        d.labels = buckets.map((b) => hourFormat.format(new Date(b.at)));
        d.datasets = present.map((category) => ({
          label: Izer.label("category", category),
          data: buckets.map((b) => b.counts[category] ?? 0),
          backgroundColor: CATEGORY_COLORS[category],
          borderRadius: 3,
          maxBarThickness: 28,
        }));
      },
      data.total_messages === 0,
    );

    const priorities = PRIORITIES.filter((p) => data.by_priority?.[p]);
    update(
      "chart-priority",
      (d) => {
        d.labels = priorities.map((p) => `${Izer.label("priority", p)} (${data.by_priority[p]})`);
        d.datasets[0].data = priorities.map((p) => data.by_priority[p]);
        d.datasets[0].backgroundColor = priorities.map((p) => PRIORITY_COLORS[p]);
      },
      priorities.length === 0,
    );

    const groups = [...PRIORITIES.map((p) => Izer.label("priority", p)), t("all")];
    const groupColors = [...PRIORITIES.map((p) => PRIORITY_COLORS[p]), "#0f1f2e"];
    const sla = blocks();
    update(
      "chart-within",
      (d) => {
        d.labels = groups;
        d.datasets[0].label = t("series.within");
        d.datasets[0].data = sla.map((b) => (b.answered_within_deadline == null ? null : b.answered_within_deadline * 100));
        d.datasets[0].backgroundColor = groupColors;
      },
      sla.every((b) => b.answered_within_deadline == null),
    );
    state.timeUnit = timeUnit(Math.max(0, ...sla.map((b) => b.p90_answer_seconds ?? 0)));
    const inUnit = (seconds) => (seconds == null ? null : Math.round((seconds / state.timeUnit.seconds) * 10) / 10);
    update(
      "chart-answer-times",
      (d) => {
        d.labels = groups;
        d.datasets[0].label = t("series.median");
        d.datasets[0].data = sla.map((b) => inUnit(b.median_answer_seconds));
        d.datasets[1].label = t("series.p90");
        d.datasets[1].data = sla.map((b) => inUnit(b.p90_answer_seconds));
      },
      sla.every((b) => b.median_answer_seconds == null),
    );

    const escalations = data.escalations ?? {};
    const levels = Object.keys(escalations.by_level ?? {}).sort((a, b) => Number(a) - Number(b));
    update(
      "chart-escalations",
      (d) => {
        d.labels = [t("warnings"), ...levels.map((n) => t("level", { n }))];
        d.datasets[0].label = t("kpi.escalations");
        d.datasets[0].data = [escalations.warnings ?? 0, ...levels.map((n) => escalations.by_level[n])];
        d.datasets[0].backgroundColor = ["#fec84b", ...levels.map((n) => LEVEL_COLORS[Math.min(Number(n), LEVEL_COLORS.length - 1)])];
      },
      !escalations.warnings && !escalations.total,
    );

    const agents = Object.entries(data.sla_by_agent ?? {});
    update(
      "chart-agents",
      (d) => {
        d.labels = agents.map(([name]) => Izer.label("agent", name));
        d.datasets[0].label = t("series.successRate");
        d.datasets[0].data = agents.map(([, block]) => (block.success_rate == null ? null : block.success_rate * 100));
        d.datasets[0].backgroundColor = agents.map(([, block]) => {
          const rate = block.success_rate ?? 0;
          return rate >= 0.95 ? "#079455" : rate >= 0.8 ? "#dc6803" : "#d92d20";
        });
      },
      agents.length === 0,
    );

    const analyzers = { ...(data.by_analyzer ?? {}) };
    const degraded = data.degraded_analyses ?? 0;
    if (degraded && (analyzers.rules ?? 0) >= degraded) analyzers.rules -= degraded;
    if (degraded) analyzers.degraded = degraded;
    const used = Object.entries(analyzers).filter(([, n]) => n > 0);
    update(
      "chart-analyzer",
      (d) => {
        d.labels = used.map(([name, n]) => `${Izer.label("analyzer", name)} (${n})`);
        d.datasets[0].data = used.map(([, n]) => n);
        d.datasets[0].backgroundColor = used.map(([name]) => ANALYZER_COLORS[name] ?? "#98a2b3");
      },
      used.length === 0,
    );

    const answerTimes = data.answer_times ?? {};
    Izer.setText($("#kpi-total"), String(data.total_messages ?? 0));
    Izer.setText($("#kpi-within"), percent(answerTimes.answered_within_deadline));
    const median = answerTimes.median_answer_seconds;
    Izer.setText($("#kpi-median"), median == null ? "–" : Izer.duration(median));
    Izer.setText(
      $("#kpi-p90"),
      answerTimes.p90_answer_seconds == null ? "" : t("kpi.p90", { value: Izer.duration(answerTimes.p90_answer_seconds) }),
    );
    Izer.setText($("#kpi-breaches"), String(answerTimes.open_breaches ?? 0));
    $("#kpi-breaches-tile").dataset.alert = String((answerTimes.open_breaches ?? 0) > 0);
    Izer.setText($("#kpi-escalations"), String(escalations.total ?? 0));
    Izer.setText(
      $("#kpi-escalations-sub"),
      t("kpi.escalationsSub", { warnings: escalations.warnings ?? 0, undelivered: escalations.undelivered ?? 0 }),
    );
    Izer.setText($("#kpi-failures"), String(data.routing_failures ?? 0));
    Izer.setText(
      $("#kpi-failures-sub"),
      t("kpi.failuresSub", { fallbacks: data.routing_fallbacks ?? 0, degraded }),
    );
    Izer.setText(
      $("#feed-state"),
      t("stats.updated", {
        since: Izer.dateTime(data.since),
        until: Izer.dateTime(data.generated_at),
        time: Izer.dateTime(new Date().toISOString(), { timeStyle: "medium" }),
      }),
    );
  }

  async function load({ animate = false } = {}) {
    const seq = ++state.seq;
    try {
      const data = await Izer.api(`/stats?hours=${state.hours}`);
      if (seq !== state.seq) return;
      state.data = data;
      state.animate = animate;
      render();
      $("#feed-state").classList.remove("failed");
      document.body.dataset.loadedHours = state.hours;
    } catch (err) {
      if (seq !== state.seq) return;
      Izer.setText($("#feed-state"), err instanceof Izer.ApiError ? err.message : t("error.network"));
      $("#feed-state").classList.add("failed");
    }
  }

  function start() {
    Izer.start();
    setupDefaults();
    createCharts();
    const range = $("#range");
    range.elements.hours.value = state.hours;
    range.addEventListener("change", () => {
      state.hours = range.elements.hours.value;
      Izer.store(RANGE_KEY, state.hours);
      load({ animate: true });
    });
    document.addEventListener("izer:language", () => {
      if (state.data) render();
    });
    Izer.setText($("#feed-state"), t("stats.loading"));
    load({ animate: true });
    setInterval(() => {
      if (!document.hidden) load();
    }, POLL_MS);
  }

  start();
})();
