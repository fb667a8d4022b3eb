"""Escalation notices for people: the text a phone's lock screen shows, and the channels (Apprise URLs)
it goes to. A channel is known by a name that holds no secret (`team:mailto#1`); its URL, which holds
tokens and passwords, stays inside `Channel` and is never logged, stored or put in a notice."""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from dataclasses import dataclass, field
from typing import Literal

import apprise

from izer.observability import mask_phone

Group = Literal["team", "management"]
Language = Literal["tr", "en"]

PRIORITY_WORDS: dict[str, dict[str, str]] = {
    "tr": {"critical": "KRİTİK", "high": "YÜKSEK", "normal": "NORMAL", "low": "DÜŞÜK"},
    "en": {"critical": "CRITICAL", "high": "HIGH", "normal": "NORMAL", "low": "LOW"},
}
CATEGORY_WORDS: dict[str, dict[str, str]] = {
    "tr": {
        "sales": "Satış",
        "support": "Destek",
        "complaint": "Şikayet",
        "inquiry": "Bilgi talebi",
        "technical": "Teknik",
        "general": "Genel",
    },
    "en": {
        "sales": "Sales",
        "support": "Support",
        "complaint": "Complaint",
        "inquiry": "Inquiry",
        "technical": "Technical",
        "general": "General",
    },
}
WORDS: dict[str, dict[str, str]] = {
    "tr": {
        "late": "{span} gecikti",
        "due_now": "süre doldu",
        "left": "{span} kaldı",
        "category": "Kategori",
        "agent": "Ajan",
        "level": "Seviye {level}",
        "warning": "Uyarı",
        "suggested": "Önerilen yanıt",
        "open": "Aç",
        "minutes": "{n} dk",
        "hours": "{h} sa {m} dk",
        "days": "{d} gün",
        "test_title": "İzer test bildirimi · {channel}",
        "test_body": "Bu bir deneme bildirimidir: ulaştıysa bu kanal İzer'in yükseltmelerini alır.",
    },
    "en": {
        "late": "{span} overdue",
        "due_now": "deadline passed",
        "left": "{span} left",
        "category": "Category",
        "agent": "Agent",
        "level": "Level {level}",
        "warning": "Warning",
        "suggested": "Suggested reply",
        "open": "Open",
        "minutes": "{n} min",
        "hours": "{h} h {m} min",
        "days": "{d} days",
        "test_title": "İzer test notification · {channel}",
        "test_body": "This is a test: if it arrived, this channel receives İzer's escalations.",
    },
}
TEXT_LIMIT = 160
REPLY_LIMIT = 200


@dataclass(frozen=True)
class Channel:
    """One Apprise URL of the team or of management, known by a name without secrets."""

    name: str
    group: Group
    service: str
    url: str = field(repr=False)


def channels(team_urls: list[str], management_urls: list[str]) -> list[Channel]:
    """The configured channels; a URL Apprise cannot read is a ValueError naming its key and position
    (never the URL itself)."""
    found: list[Channel] = []
    for group, urls in (("team", team_urls), ("management", management_urls)):
        key = "ESCALATION_TEAM_URLS" if group == "team" else "ESCALATION_MANAGEMENT_URLS"
        for position, url in enumerate(urls, start=1):
            plugin = apprise.Apprise.instantiate(url)
            if not plugin:
                raise ValueError(f"{key}: URL {position} is not an Apprise URL Apprise can use")
            scheme = url.split("://", 1)[0].lower()
            found.append(
                Channel(
                    name=f"{group}:{scheme}#{position}",
                    group=group,  # type: ignore[arg-type]
                    service=str(plugin.service_name),
                    url=url,
                )
            )
    return found


@dataclass(frozen=True)
class NoticeFacts:
    """What a notice says about one message; the phone number is masked when rendered."""

    kind: str
    level: int
    priority: str
    chat_name: str
    phone_number: str
    is_group: bool
    text: str
    category: str
    agent: str | None
    suggested_reply: str | None
    link: str
    overdue_seconds: float = 0
    left_seconds: float = 0


@dataclass(frozen=True)
class Notice:
    title: str
    body: str

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}"


def render_notice(facts: NoticeFacts, language: Language = "tr") -> Notice:
    """First line for the lock screen: priority · how late · who; then the text, labels, reply and link."""
    words = WORDS[language]
    priority = PRIORITY_WORDS[language].get(facts.priority, facts.priority.upper())
    if facts.kind == "warning":
        timing = words["left"].format(span=_span(facts.left_seconds, words))
    elif facts.overdue_seconds >= 60:
        timing = words["late"].format(span=_span(facts.overdue_seconds, words))
    else:
        timing = words["due_now"]
    title = f"{priority} · {timing} · {_who(facts)}"
    step = words["warning"] if facts.kind == "warning" else words["level"].format(level=facts.level)
    labels = [f"{words['category']}: {CATEGORY_WORDS[language].get(facts.category, facts.category)}"]
    if facts.agent:
        labels.append(f"{words['agent']}: {facts.agent}")
    labels.append(step)
    lines = [f"“{shorten(facts.text, TEXT_LIMIT)}”", " · ".join(labels)]
    if facts.suggested_reply:
        lines.append(f"{words['suggested']}: {shorten(facts.suggested_reply, REPLY_LIMIT)}")
    lines.append(f"{words['open']}: {facts.link}")
    return Notice(title=title, body="\n".join(lines))


def trial_notice(channel: Channel, language: Language = "tr") -> Notice:
    words = WORDS[language]
    return Notice(title=words["test_title"].format(channel=channel.name), body=words["test_body"])


def shorten(text: str, limit: int) -> str:
    """One line, at most `limit` characters, cut at a word when one is near."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def short_name(name: str, *, is_group: bool) -> str:
    """`Ahmet Yılmaz` → `Ahmet Y.`; a group keeps its name."""
    parts = name.split()
    if is_group or len(parts) < 2:
        return shorten(name, 40)
    return f"{parts[0]} {parts[-1][0]}."


def _who(facts: NoticeFacts) -> str:
    phone = mask_phone(facts.phone_number)
    name = short_name(facts.chat_name, is_group=facts.is_group) if facts.chat_name.strip() else ""
    return f"{name} ({phone})" if name else phone


def _span(seconds: float, words: dict[str, str]) -> str:
    minutes = max(1, int(seconds // 60))
    if minutes < 60:
        return words["minutes"].format(n=minutes)
    if minutes < 24 * 60:
        return words["hours"].format(h=minutes // 60, m=minutes % 60)
    return words["days"].format(d=minutes // (24 * 60))


class _ThreadLog(logging.Handler):
    """Apprise's warnings of one thread: why a channel failed, told only through its log."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.thread = threading.get_ident()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.lines.append(record.getMessage())


class Notifier:
    """Sends a notice to one channel through Apprise (no retries of its own: Temporal retries)."""

    async def send(self, channel: Channel, notice: Notice) -> tuple[bool, str]:
        return await asyncio.to_thread(self._send, channel, notice)

    def _send(self, channel: Channel, notice: Notice) -> tuple[bool, str]:
        logger = logging.getLogger("apprise")
        capture = _ThreadLog()
        logger.addHandler(capture)
        try:
            plugin = apprise.Apprise.instantiate(channel.url)
            if not plugin:
                return False, f"{channel.service}: the URL is not usable"
            ok = plugin.notify(title=notice.title, body=notice.body, body_format=apprise.NotifyFormat.TEXT)
        except Exception as err:  # noqa: BLE001 - any plugin failure is a failed delivery, told without the URL
            return False, f"{channel.service}: {type(err).__name__}"
        finally:
            logger.removeHandler(capture)
        if ok:
            return True, f"sent via {channel.service}"
        reason = scrub(capture.lines[-1], channel.url) if capture.lines else "not accepted"
        return False, f"{channel.service}: {reason}"[:500]


def scrub(line: str, url: str) -> str:
    """A log line with every piece of the URL that could be a secret (user, password, tokens, path,
    query values) replaced by ***."""
    rest = url.split("://", 1)[-1]
    pieces = sorted({p for p in re.split(r"[/:@?&=#,]+", rest) if len(p) >= 4}, key=len, reverse=True)
    for piece in pieces:
        line = line.replace(piece, "***")
    return line
