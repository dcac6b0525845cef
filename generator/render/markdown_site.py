"""Render every page of the plan, in every language, to Markdown strings."""

from __future__ import annotations

import html
import posixpath
import re
from datetime import date
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..labels import Labels, load_labels
from ..languages import Language, published_languages
from ..model import Division, Plan, Status
from ..model.walk import walk_items
from ..prepare.evaluations import period_progress
from ..prepare.site import Prepared, prepare
from ..prepare.updated import LastUpdated
from .glossary_index import glossary_groups
from .history_view import FEED, atom_feed, owners, shown_entry
from .kpi_chart import kpi_chart
from .table_charts import table_chart
from .formatting import format_date
from .open_data_page import data_url, dataset_jsonld, licence
from .open_data_page import description as data_file_description
from .environment import make_environment
from .pages import PageIndex, PageSpec, plan_pages, walk_pages
from .evaluation_view import evaluation_view, period_progress_text, scale_anchor
from .progress_view import rule_context, rule_of, status_view
from .page_meta import page_description
from .safety import Safe
from ..ruby import plain
from .furigana import furigana_switch, label_headings, with_ruby
from .page_head import SHARE_IMAGE, SiteFacts, footer_line, head_tags, page_url, print_margins
from .share_image import share_png
from .term_links import GLOSSARY_PAGE, link_terms_in_markdown, linked_terms
from ..page_kinds import PAGE_KINDS

# Levels that are a plan's goals, counted among the home page's key figures.
GOAL_LEVELS = {"basic_goal", "reform_goal", "policy_area", "basic_policy", "priority_issue"}



@dataclass(frozen=True)
class DivisionUse:
    """Where a division is named as responsible: shown on the divisions page."""

    title: Any
    page: PageSpec
    fragment: Safe


@dataclass
class RenderedLanguage:
    language: Language
    files: dict[str, str]            # Markdown file → its text
    nav: list[Any]
    assets: dict[str, bytes] = field(default_factory=dict)  # other files of the docs tree (share picture, identity)
    footer: str = ""                 # the footer's line, HTML (page_head.footer_line)
    updated: dict[str, date | None] = field(default_factory=dict)  # Markdown file → its last change (sitemaps)
    texts: dict[str, tuple[int, int]] = field(default_factory=dict)  # Markdown file → plan texts shown in the
    #                                  language itself and in its fallback (the page's own coverage)

    @property
    def lang(self) -> str:
        return self.language.code


@dataclass(frozen=True)
class OtherLanguage:
    """Another language the site is published in, for pages that show a text in several (the glossary)."""

    language: Language
    labels: Labels


def _division_uses(plan: Plan, index: PageIndex) -> dict[str, list[DivisionUse]]:
    """division id → the items it is responsible for, each with the page that shows it and its anchor there."""
    uses: dict[str, list[DivisionUse]] = {}
    for document in plan.documents:
        if document.division:
            uses.setdefault(document.division, []).append(DivisionUse(document.title, index[document], Safe("")))
    for place in walk_items(plan):
        node, page = place.node, index.showing(place)
        shown = [(node, "" if index.get(node) is page else f"#{node.id}")]
        shown += [(project, f"#{project.id}") for project in node.projects]
        shown += [(initiative, f"#{node.id}_initiatives") for initiative in node.initiatives]
        for item, fragment in shown:
            title = getattr(item, "name", None) or item.title
            for ref in item.divisions:
                uses.setdefault(ref, []).append(DivisionUse(title, page, Safe(fragment)))
    return uses


def _key_figures(plan: Plan, indicator_count: int) -> list[tuple[str, int]]:
    """(label key, count) for the home page: goals, indicators, projects; only those the plan has."""
    every = [place.node for place in walk_items(plan)]
    figures = [("figure_goals", sum(1 for n in every if n.level.value in GOAL_LEVELS)),
               ("figure_indicators", indicator_count),
               ("figure_projects", sum(len(n.projects) for n in every))]
    return [(key, count) for key, count in figures if count]


def _indicator_pages(plan: Plan, index: PageIndex) -> dict[str, PageSpec]:
    """indicator id → the page whose table shows it (its item's page, or the nearest page above)."""
    return {indicator.id: index.showing(place) for place in walk_items(plan)
            for indicator in (*place.node.targets, *place.node.kpis)}


def _front_matter(title: str, description: str, boost: float | None, head: str, print_style: str) -> str:
    """Page metadata. The theme prints the title into <title> and the header, and the description
    into its meta tag, as they are, so both are HTML-escaped here; without a title MkDocs would
    take the first heading's text, unescaped. `head` (Open Graph, JSON-LD) and `print_style` (the
    printed margins) are HTML made and escaped by page_head.py, printed by site_overrides/main.html."""
    meta: dict[str, Any] = {"title": html.escape(title), "description": html.escape(description)}
    if boost is not None:
        meta["search"] = {"boost": boost}
    meta["kk_head"], meta["kk_print"] = head, print_style
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


# The end of an element that ends a block of text, or a line break, directly followed by a tag. Material's
# search (9.8.2) indexes a page's text joining adjacent elements without a space: a table row's cells, a
# list's items or a term and its description (<dt>Director-General</dt><dd>Ichikawa …) would become one
# word, which no query finds. A line break between them changes nothing on the page.
_BLOCK_END = re.compile(r"(</(?:td|th|dt|dd|li|tr|p|caption|figcaption|h[1-6]|div|summary)>|<br\s*/?>)(?=<)")


def _site_facts(plan: Plan, language: Language, languages: tuple[Language, ...]) -> SiteFacts:
    root = plan.root.site_url
    return SiteFacts(plan.root.site_title.pick(language)[0], plan.root.municipality.pick(language)[0],
                     tuple(dict.fromkeys(plan.root.municipality.pick(other)[0] for other in languages)),
                     language.og_locale, tuple(other.og_locale for other in languages if other != language),
                     root + language.url_prefix if root else None, root)


def _nav(pages: list[PageSpec], titles: dict[str, str]) -> list[Any]:
    entries: list[Any] = []
    for page in pages:
        if page.children:
            entries.append({titles[page.path]: [page.path, *_nav(page.children, titles)]})
        else:
            entries.append({titles[page.path]: page.path})
    return entries


def _updated_note(day, labels) -> str:
    """The page's last-updated line, machine-readable in <time>."""
    return (f'\n<p class="kk-updated">{with_ruby(labels.last_updated, html.escape)}: '
            f'<time datetime="{day.isoformat()}">{with_ruby(format_date(day, labels), html.escape)}</time></p>\n')


def _relative_dir(target: str, source: str) -> str:
    """The URL of the directory `target` (e.g. "glossary/") from the page of Markdown file `source`."""
    link = posixpath.relpath(target.rstrip("/"), posixpath.dirname(source) or ".")
    return link + "/"


# Pages built from one shared file; the others (home, indicators, open data…) from the whole plan.
_PAGE_FILES = {"glossary": "glossary.yaml", "divisions": "divisions.yaml"}


def page_updated(page: PageSpec, updated: LastUpdated):
    """The date of the last change to the files `page` is built from."""
    if page.kind in ("document", "node"):
        return updated.of(page.path.split("/", 1)[0])
    if page.kind in _PAGE_FILES:
        return updated.of_file(_PAGE_FILES[page.kind])
    return updated.plan


def _under_title(body: str, block: str) -> str:
    """`body` with the raw HTML `block` under its title."""
    title, newline, rest = body.partition("\n")
    return title + newline + f"\n{block}\n" + rest if title.startswith("# ") else f"\n{block}\n" + body


def _with_fallback_notice(body: str, labels: Labels) -> str:
    """The page's notice, once, under its title: some of its text is in the fallback language."""
    return _under_title(body, f'<p class="kk-fallback-notice" role="note">{with_ruby(labels.fallback_notice, html.escape)}</p>')


def _with_furigana(body: str, labels: Labels) -> str:
    """A page with readings: its switch under the title, and its headings' plain text for "on this page"."""
    return label_headings(_under_title(body, furigana_switch(labels.furigana_switch))) if "<ruby>" in body else body


def _feed(shown, labels: Labels, site: SiteFacts, language: Language, page_of) -> str:
    """The history page's Atom feed: absolute addresses with the site's, else relative to the feed."""
    base = site.site_url + "history/" if site.site_url else ""

    def url_of(entry) -> str:
        path = page_of(entry)
        if path is None:
            return base or "./"
        target = page_url(path)
        return (site.site_url + target if site.site_url else posixpath.relpath(target or ".", "history") + "/") + \
            "#" + entry.anchor

    return atom_feed(shown, labels, site.site_name, base or "./", base + "feed.xml" if base else "feed.xml",
                     language.code, url_of)


def render_site(source: Prepared | Plan, updated: LastUpdated | None = None) -> list[RenderedLanguage]:
    """Markdown for every page in every language; pure: returns strings, writes nothing.

    `source`: the prepared plan (prepare.site), or a plan to prepare with `updated`, each page's
    last-updated date (from git history); without it none is shown.
    """
    prepared = source if isinstance(source, Prepared) else prepare(source, updated)
    plan, updated, data_files = prepared.plan, prepared.updated, list(prepared.data_files)
    pages = plan_pages(plan)
    index = PageIndex(plan, pages)
    divisions: dict[str, Division] = {d.id: d for d in plan.divisions}
    uses = _division_uses(plan, index)
    assessments = prepared.assessments
    rule = rule_of(plan)
    places = list(prepared.indicators)
    place_of = {place.indicator.id: place for place in places}
    status_counts = prepared.status_counts or [
        (status, sum(1 for a in assessments.values() if a.status is status)) for status in Status]
    place_by_node = {place.node.id: place for place in walk_items(plan)}
    item_pages = {item.ident: index.showing(place_by_node[item.node.id]) for item in prepared.evaluables}
    owner_of = owners(plan)

    def history_page_of(entry) -> str | None:
        """The Markdown file of the page showing the entry's item; None for an item no longer in the plan."""
        node = owner_of.get(entry.anchor)
        return index.showing(place_by_node[node]).path if node is not None else None
    evaluated = [item for item in prepared.evaluables if item.evaluations and not item.is_indicator]
    document_progress = {document.id: period_progress(document, prepared.evaluables) for document in plan.documents}
    indicator_pages = _indicator_pages(plan, index)
    key_figures = _key_figures(plan, len(places))
    results = []
    languages = prepared.languages
    for language in languages:
        env = make_environment(language)
        labels = load_labels(language.code)
        marked_labels = load_labels(language.code, marked=True)  # for what the pages show as HTML: furigana as ruby
        others = [OtherLanguage(other, load_labels(other.code)) for other in languages if other != language]
        terms = linked_terms(plan, language)
        site = _site_facts(plan, language, languages)
        titles_by_url: dict[str, str] = {}
        heading_text = env.filters["heading_text"]
        text_of = env.filters["t"]

        def plain_period(*args, period=env.filters["period"], **kwargs) -> str:
            """A period as the page words it, without its furigana: charts are SVG text, plain."""
            return plain(period(*args, **kwargs))

        files: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        texts: dict[str, tuple[int, int]] = {}
        shown = [entry for entry in (shown_entry(item, labels) for item in prepared.history) if entry is not None]
        by_page: dict[str, list] = {}
        for entry in shown:
            if (path := history_page_of(entry)) is not None:
                by_page.setdefault(path, []).append(entry)
        titles: dict[str, str] = {}
        for page in walk_pages(pages):
            kind = PAGE_KINDS[page.kind]
            template = env.get_template(kind.template)
            context = {
                "page": page,
                "plan": plan,
                "other_languages": others,
                "division": divisions.__getitem__,
                "division_uses": lambda ident: uses.get(ident, []),
                "page_of": index.__getitem__,
                "rule": rule,
                "assessment": assessments.__getitem__,
                # What the templates print as HTML gets the labels with their furigana (`attr` drops it).
                "status_of": lambda ident, labels=marked_labels: status_view(assessments[ident], rule, labels),
                **rule_context(rule, marked_labels),
                "indicator_places": places,
                "glance_of": prepared.glances.get,
                "history_entries": shown,
                "history_on": lambda path, by_page=by_page: by_page.get(path, []),
                "history_page_of": history_page_of,
                "items_by_status": prepared.by_status,
                "items_by_division": prepared.by_division,
                "status_counts": status_counts,
                "evaluation_of": lambda item, labels=marked_labels, text_of=text_of: evaluation_view(
                    plan, item.evaluations, labels, text_of),
                "evaluated_items": evaluated,
                "item_page": item_pages.__getitem__,
                "scale_anchor": lambda *parts: Safe(scale_anchor(*parts)),
                "period_progress": lambda document, labels=marked_labels: period_progress_text(
                    document_progress[document.id], labels),
                "indicator_page": indicator_pages.__getitem__,
                "key_figures": key_figures,
                "data_files": data_files,
                "data_url": lambda path, page=page, code=language.code: data_url(path, page.path, code),
                "data_description": lambda file, labels=marked_labels: data_file_description(file, labels),
                "jsonld": dataset_jsonld(plan, data_files, labels, page.path, updated.plan),
                "licence": licence(plan, labels)
                if page.kind == "open_data" else "",
                "updated_date": updated.plan,
                "format_date": lambda day, labels=marked_labels: format_date(day, labels),
                "glossary_groups": lambda terms, labels=labels, text_of=text_of: glossary_groups(terms, labels, text_of),
                "table_chart": lambda table, labels=labels: table_chart(table, labels, text_of, plain_period),
                "kpi_chart": lambda ident, labels=labels: kpi_chart(
                    place_of[ident].indicator, labels, text_of, plain_period,
                    place_of[ident].document.period.end if place_of[ident].document.period else None),
            }
            if page.kind == "node":
                context["node"] = page.subject
            elif page.kind == "document":
                context["document"] = page.subject
            title = getattr(labels, kind.title_label) if kind.title_label else (
                text_of(page.subject.short_title or page.subject.title)
                if page.kind == "document" else heading_text(page.subject))
            titles[page.path] = title
            titles_by_url[page_url(page.path)] = title
            description = page_description(page, plan, language, labels, title)
            shown_texts = env.keikaku_texts_shown
            shown_texts.update(own=0, fallback=0)
            body = template.render(context)
            texts[page.path] = (shown_texts["own"], shown_texts["fallback"])
            body = _with_furigana(body, marked_labels)
            if shown_texts["fallback"] and language.fallback:
                body = _with_fallback_notice(body, marked_labels)
            day = page_updated(page, updated)
            dates[page.path] = day
            if day is not None:
                body += _updated_note(day, marked_labels)
            if page.path != GLOSSARY_PAGE and terms:
                body = link_terms_in_markdown(body, terms, _relative_dir("glossary/", page.path))
            body = _BLOCK_END.sub("\\1\n", body)
            head = head_tags(page.path, title, description, site, titles_by_url)
            margins = print_margins(site.site_name, site.site_url + page_url(page.path) if site.site_url else None,
                                    f"{labels.last_updated}: {format_date(day, labels)}" if day else None,
                                    labels.printed_on)
            files[page.path] = _front_matter(title, description, kind.search_boost, head, margins) + body
        identity = prepared.identity
        header = tuple(round(channel * 255) for channel in identity.colours.primary[:3])
        assets = {SHARE_IMAGE: share_png(site.municipality, header), **identity.files}
        if shown:
            assets[FEED] = _feed(shown, labels, site, language, history_page_of).encode("utf-8")
        config = identity.config
        footer = footer_line(text_of(config.copyright) if config.copyright else None,
                             text_of(config.extra.contact) if config.extra.contact else None,
                             labels.footer_data_licence, licence(plan, labels).name, licence(plan, labels).url)
        results.append(RenderedLanguage(language, files, _nav(pages, titles), assets, footer, dates, texts))
    return results


__all__ = ["OtherLanguage", "RenderedLanguage", "render_site"]
