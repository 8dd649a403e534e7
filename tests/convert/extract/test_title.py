"""The title block on hand-placed lines: country, index score, year, template."""
from pipeline.core.codebook import default_codebook
from pipeline.convert.lexicon import default_lexicon
from pipeline.convert.extract.lines import Line
from pipeline.convert.extract.title import parse_title
from pipeline.core.models import Word
from pipeline.convert.normalize import country_from_name

CB = default_codebook()


def line(text, top, size):
    words, x = [], 50.0
    for t in text.split():
        words.append(Word(text=t, page=1, x0=x, top=top, x1=x + size * 0.5 * len(t), bottom=top + size, size=size))
        x += size * 0.5 * len(t) + 3
    return Line(words)


def parsed(*lines):
    block = parse_title(list(lines) + [line("Population - 6.39", 300, 10)], CB, 10.0, 1.08)
    return {r.key: (" ".join(r.label.lines), " ".join(r.value.lines)) for r in block.rows}, block


def test_standard_title_block():
    rows, block = parsed(line("Country profile", 50, 12), line("Republic of Kazakhstan", 70, 22),
                         line("Index on Torture — --3.04", 100, 14), line("Facts and Assessments. 2019", 120, 12))
    assert rows == {"country": ("", "Republic of Kazakhstan"), "index_score": ("Index on Torture —", "--3.04"),
                    "year": ("Facts and Assessments.", "2019")}
    assert block.template == "2019" and not block.warnings


def test_a_running_header_naming_the_index_is_not_the_score_line():
    # a one-page profile: its running header is on no other page, so nothing set it aside as furniture
    rows, block = parsed(line("Index on Torture | CSP", 17, 8.5), line("Country profile", 50, 12),
                         line("Republic of Tajikistan", 70, 22), line("Index on Torture — --40.5", 100, 14),
                         line("Facts and Assessments. 2019", 120, 12))
    assert rows["index_score"] == ("Index on Torture —", "--40.5") and block.template == "2019"


def test_2020_title_and_attached_dash():
    rows, block = parsed(line("Republic of Moldova", 70, 22), line("Prohibition of Torture Index —122.21", 100, 14),
                         line("Facts and Assessments. 2020", 120, 12))
    assert block.template == "2020" and rows["index_score"][1] == "—122.21"


def test_score_wrapped_onto_its_own_line():
    rows, _ = parsed(line("Kyrgyz Republic", 70, 22), line("Index on Torture —", 100, 14), line("9.45", 118, 14),
                     line("Facts and Assessments. 2019", 136, 12))
    assert rows["index_score"] == ("Index on Torture —", "9.45")
    assert rows["country"] == ("", "Kyrgyz Republic") and rows["year"][1] == "2019"


def test_unknown_title_still_gives_the_score_with_a_warning():
    rows, block = parsed(line("Ukraine", 70, 22), line("Torture Barometer – −12.5", 100, 14),
                         line("Facts and Assessments. 2023", 120, 12))
    assert block.template is None and rows["index_score"][1] == "−12.5"
    assert [w.code for w in block.warnings] == ["unknown_template"]


def test_country_name_inside_a_longer_line():
    assert country_from_name("Country profile: Kyrgyz Republic", default_lexicon()) == ("Kyrgyzstan", "KGZ")


def test_score_forms_on_the_title_line():
    for printed, value in [("Index on Torture — --3.04", "--3.04"), ("Index on Torture – − 94.2", "− 94.2"),
                           ("Index on Torture (2019) — 93.77", "93.77"), ("Index on Torture 93.77", "93.77"),
                           ("Index on Torture: -3.04", "-3.04"), ("Index on Torture —-40.5", "—-40.5")]:
        rows, _ = parsed(line("Ukraine", 70, 22), line(printed, 100, 14), line("Facts and Assessments. 2019", 120, 12))
        assert rows["index_score"][1] == value, printed
