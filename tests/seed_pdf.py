"""The seed page's stories (as kg.articles splits its text) set as a four-column e-paper PDF."""
from __future__ import annotations

from pathlib import Path

from epaper_pages import Story, make_page

from kg.articles import kind, paragraphs, split_articles
from kg.text import clean


def seed_stories(text: str) -> list[Story]:
    """Each story of the page: its trailing headline paragraphs become headline and subtitle (the
    seed prints them after the body), the rest its body paragraphs."""
    page = clean(text).text
    out = []
    for a in split_articles(page, doc_id="seed"):
        pars = [page[s:e].strip() for s, e in paragraphs(page[a.start:a.end])
                for s, e in [(a.start + s, a.start + e)]]
        heads = []
        while len(pars) > 1 and kind(pars[-1]) == "headline":
            heads.insert(0, pars.pop())
        title, subtitle = (heads[0], " ".join(heads[1:])) if heads else ("", "")
        out.append(Story(pars, title=title, subtitle=subtitle, span=2 if title else 1))
    return out


def write_seed_pdf(text: str, path: Path, *, shuffle: int | None = None) -> list[Story]:
    return make_page(path, seed_stories(text), columns=4, shuffle=shuffle, size=9,
                     dateline="2024年2月7日 星期三 第1版 要闻", height=1600)
