"""Narrative reports and files that are not exactly one profile, for the tests of pipeline/convert/extract/split.py:
`narrative` draws a status report (paragraphs of running prose that name a country, the index and some of its
figures, under a large heading) with reportlab; `merge` binds PDFs into one with pikepdf (a compendium, a
report before or after a profile)."""
from __future__ import annotations

import random
from contextlib import ExitStack
from pathlib import Path

import pikepdf

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from .render import _register

EN = [
    "Index on Torture {year}: status report on {country}",
    "This report accompanies the Index on Torture {year} profile of {country}. It sets out how the figures "
    "published in the profile were gathered and what they say about the prevention of torture and "
    "ill-treatment in places of detention over the year under review.",
    "In {year} the prison population of {country} stood at about {prisoners} people, of whom a large share "
    "were held in pre-trial detention while their cases were investigated. The courts of {country} handed "
    "down {judgments} judgments documenting the problem of torture, and the investigating body received "
    "{complaints} complaints of torture and ill-treatment, of which few led to criminal cases.",
    "The Index on Torture score of {country} moved to {score}. The explicit prohibition of torture in the "
    "criminal law remains incomplete, and the definition of torture does not yet match the one in the "
    "international treaties that the state has ratified. Lawyers are not always notified of a detention "
    "at once, and medical examinations on arrival are not recorded everywhere.",
    "Monitors who visited the detention facilities during the year found that video surveillance covers "
    "most interrogation rooms, but that detainees and their lawyers rarely obtain the recordings. The "
    "national preventive mechanism published its findings, and the government answered some of them.",
    "We recommend that the authorities set up an investigative body independent of the police, give it its "
    "own budget and staff, and publish the number of complaints it receives and the cases it initiates, so "
    "that next year's profile can report these figures in full.",
]
RU = [
    "Индекс запрета пыток {year}: доклад о положении дел, {country}",
    "Этот доклад сопровождает профиль страны {country} в Индексе запрета пыток за {year} год. В нём описано, "
    "как собраны опубликованные в профиле данные и что они говорят о предупреждении пыток и жестокого "
    "обращения в местах лишения свободы за отчётный год.",
    "В {year} году численность заключённых составляла около {prisoners} человек, значительная часть из них "
    "содержалась под стражей до суда в ходе следствия. Суды вынесли {judgments} решений, документирующих "
    "проблему пыток, а следственный орган получил {complaints} жалоб на пытки и жестокое обращение.",
    "Оценка страны в Индексе запрета пыток изменилась до {score}. Прямой запрет пыток в уголовном "
    "законодательстве по-прежнему неполон, а определение пытки не соответствует определению международных "
    "договоров, которые ратифицировало государство. Адвокатов не всегда уведомляют о задержании сразу.",
    "Наблюдатели, посетившие учреждения в течение года, отметили, что видеонаблюдение охватывает большую "
    "часть кабинетов для допросов, но задержанные и их адвокаты редко получают доступ к записям.",
    "Мы рекомендуем создать независимый от полиции следственный орган с собственным бюджетом и штатом и "
    "публиковать число полученных жалоб и возбуждённых уголовных дел, чтобы следующий профиль содержал эти "
    "данные полностью.",
]


def narrative(path: Path, country: str = "Armenia", year: int = 2021, language: str = "en", pages: int = 1,
              score: str = "93.77", seed: int = 0) -> Path:
    """A status report of about `pages` pages under a heading set large: paragraphs of the texts' sentences
    in a random order (seeded), so that no two paragraphs break their lines alike."""
    font = "Helvetica"
    if language == "ru":  # Helvetica has no Cyrillic
        _register("DejaVuSans")
        font = "DejaVuSans"
    texts = RU if language == "ru" else EN
    values = dict(country=country, year=year, prisoners="28 574", judgments=46, complaints=133, score=score)
    sentences = [x.strip() + "." for t in texts[1:] for x in t.format(**values).split(". ") if x.strip(" .")]
    rng = random.Random(seed)
    head = ParagraphStyle("head", fontName=font, fontSize=16, leading=20, spaceAfter=12)
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=13.5, spaceAfter=8)
    story = [Paragraph(texts[0].format(**values), head)]
    for _ in range(6 * pages):  # about six paragraphs of four sentences fill a page of A4 at 10 pt
        text = " ".join(rng.sample(sentences, 4)).replace("..", ".")
        story += [Paragraph(text, body), Spacer(1, 2)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm,
                            topMargin=2.5 * cm, bottomMargin=2.5 * cm, title=texts[0].format(**values))
    doc.build(story)
    return path


def merge(out: Path, *pdfs: Path) -> Path:
    """The PDFs bound into one, in order (pikepdf, so the tests need no qpdf binary)."""
    with ExitStack() as open_pdfs:  # the parts stay open until the whole is saved: it refers to their pages
        whole = open_pdfs.enter_context(pikepdf.new())
        for p in pdfs:
            whole.pages.extend(open_pdfs.enter_context(pikepdf.open(p)).pages)
        whole.save(out)
    return out


def page_count(pdf: Path) -> int:
    with pikepdf.open(pdf) as doc:
        return len(doc.pages)
