"""The plan's history (prepare/history.py) in one language: the lines of each entry, which page each
entry belongs on, and the Atom feed of the site-wide page. Strings only; plan text is escaped where it
lands (HTML in the templates, XML here)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from ..prepare.compare import Amount, Named
from .diff_words import DiffWords
from ..labels import Labels
from ..languages import by_code
from ..model import Plan, Prose, Remark, Text
from ..model.walk import walk_items
from ..prepare.history import HistoryEntry
from .formatting import format_date

FEED = "history/feed.xml"  # below each language's root
_FEED_NAMESPACE = uuid.UUID("6f1c2b0e-52f4-4c65-9a57-7c0ad3e1b6a1")  # Keikaku's: entry ids are uuid5 in it


def _plain(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class ShownEntry:
    """An entry as a reader sees it in one language."""

    day: date
    day_text: str
    item: str            # e.g. KPI “Net migration”
    lines: tuple[str, ...]
    reason: str | None   # the revision note, with its date
    anchor: str          # the item's id (its anchor on its page)
    key: str             # commit and item: the entry's identity in the feed


def _text_changed(old, new, lang: str) -> bool:
    def get(value):
        return value.pick(by_code(lang))[0] if isinstance(value, (Text, Prose, Remark)) else None
    return get(old) != get(new)


def shown_entry(entry: HistoryEntry, labels: Labels) -> ShownEntry | None:
    """The entry in `labels`' language; None when nothing in it shows in this language (only another
    language's wording changed)."""
    words = DiffWords(labels, escape=_plain)
    history = labels.history
    item = history["item"].format(kind=words.kind(entry.item), title=words.title(entry.item))
    lines: list[str] = []
    if entry.kind in ("added", "removed"):
        lines.append(history[entry.kind])
    texts_changed: list[str] = []
    for change in entry.changes:
        what = words.change_path(change)
        if isinstance(change.old, Amount) or isinstance(change.new, Amount) or isinstance(change.old, Named) \
                or isinstance(change.new, Named):
            old, new = words.values(change.old, change.new)
            lines.append(history["change"].format(what=what, old=old, new=new))
        elif _text_changed(change.old, change.new, labels.lang):
            field = words.segment(change.path[0]) if change.path else what  # "points", not "points, no. 2"
            if field not in texts_changed:
                texts_changed.append(field)
    if texts_changed:
        lines.append(history["texts"].format(what=labels.list_separator.join(texts_changed)))
    if not lines:
        return None
    reason = None
    if entry.revision is not None:
        reason = history["reason"].format(reason=entry.revision.reason.pick(by_code(labels.lang))[0],
                                          date=entry.revision.date)
    return ShownEntry(entry.day, format_date(entry.day, labels), item, tuple(lines), reason, entry.item.id,
                      f"{entry.commit}:{entry.item.id}")


def owners(plan: Plan) -> dict[str, str]:
    """id of every item the history can name → id of the hierarchy item whose page shows it."""
    owner: dict[str, str] = {}
    for place in walk_items(plan):
        node = place.node
        owner[node.id] = node.id
        for entry in (*node.targets, *node.kpis, *node.projects, *node.tables, *node.activity_targets,
                      *node.achievement_targets):
            if getattr(entry, "id", None):
                owner[entry.id] = node.id
    return owner


def atom_feed(entries: list[ShownEntry], labels: Labels, site_name: str, page_url: str, feed_url: str,
              lang: str, url_of) -> str:
    """An Atom 1.0 feed (RFC 4287) of the entries, newest first; its ids and dates come from the commits.
    `url_of(entry)`: the address of the page showing the entry's item (relative ones resolve against the
    feed's own address)."""
    updated = max(entry.day for entry in entries).isoformat() + "T00:00:00Z"
    feed_id = f"urn:uuid:{uuid.uuid5(_FEED_NAMESPACE, site_name + '|' + lang)}"
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
             f"<id>{feed_id}</id>",
             f"<title>{escape(labels.history['feed_title'].format(site=site_name))}</title>",
             f"<updated>{updated}</updated>",
             f"<link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(feed_url)}/>",
             f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(page_url)}/>",
             f"<author><name>{escape(site_name)}</name></author>"]
    for entry in entries:
        entry_id = f"urn:uuid:{uuid.uuid5(_FEED_NAMESPACE, entry.key + '|' + lang)}"
        summary = " ".join([*entry.lines, *([entry.reason] if entry.reason else [])])
        lines += ["<entry>", f"<id>{entry_id}</id>", f"<title>{escape(entry.item)}</title>",
                  f"<updated>{entry.day.isoformat()}T00:00:00Z</updated>",
                  f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(url_of(entry))}/>",
                  f"<summary>{escape(summary)}</summary>", "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


__all__ = ["FEED", "ShownEntry", "atom_feed", "owners", "shown_entry"]
