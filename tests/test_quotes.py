"""Quotes: each attribution pattern on real sentences, and the seeds' quotes against the gold file."""
from __future__ import annotations

import json

import pytest

from conftest import SEEDS, SHARED

ANCHOR = "2023-11-24"


def quotes(facts_of, text):
    return [f for f in facts_of(text, ANCHOR, types={"quote"})]


def one(facts_of, text):
    found = quotes(facts_of, text)
    assert len(found) == 1, [(f.speaker, f.quote) for f in found]
    f = found[0]
    assert text[f.start:f.end] == f.text == f.quote
    return f


def test_name_role_cue_content(facts_of):
    f = one(facts_of, "During the opening ceremony, Shi Zhongjun, Secretary General of the ASEAN-China Center, "
                      "expressed that the cooperation between China and ASEAN has entered the fast lane of development.")
    assert (f.speaker, f.role, f.cue, f.kind) == (
        "Shi Zhongjun", "Secretary General of the ASEAN-China Center", "expressed", "indirect")
    assert f.quote == "the cooperation between China and ASEAN has entered the fast lane of development"


def test_role_with_commas_and_honorific(facts_of):
    f = one(facts_of, "In his keynote speech, Mr. Zheng Yongnian, President of the Institute for International Affairs, "
                      "Qianhai and Professor at the Chinese University of Hong Kong, Shenzhen, emphasized that the GBA "
                      "and ASEAN countries should work together.")
    assert f.speaker == "Zheng Yongnian"
    assert f.role == ("President of the Institute for International Affairs, Qianhai and Professor at the Chinese "
                      "University of Hong Kong, Shenzhen")
    assert f.quote == "the GBA and ASEAN countries should work together"


def test_content_starts_after_that(facts_of):
    f = one(facts_of, "Liu Liehong, head of China's national data bureau, said at a subforum on Thursday that the bureau "
                      "is working on enhancing the basic data system.")
    assert (f.speaker, f.role) == ("Liu Liehong", "head of China's national data bureau")
    assert f.quote == "the bureau is working on enhancing the basic data system"


def test_role_before_name_and_short_name_later(facts_of):
    text = ("Chinese President Xi Jinping on Thursday sent a congratulatory letter to the expo.\n\n"
            "Booming global digital trade has become a new bright spot in international trade, Xi said in the letter.")
    f = one(facts_of, text)
    assert (f.speaker, f.role, f.cue) == ("Xi Jinping", "Chinese President", "said")
    assert f.quote == "Booming global digital trade has become a new bright spot in international trade"


def test_title_prefix_role(facts_of):
    f = one(facts_of, "In recent years, China's digital trade has been booming and has become an important pillar of "
                      "trade, Chinese Vice Minister of Commerce Guo Tingting said in a speech at the opening ceremony.")
    assert (f.speaker, f.role) == ("Guo Tingting", "Chinese Vice Minister of Commerce")


def test_direct_quote_with_trailing_attribution(facts_of):
    text = ('"This is my first time here. We are looking for partners to enter the Chinese market," Juha Suoniemi, '
            'CEO of Neurosonic, a Finnish company specialized in producing well-being technology, told the Global '
            'Times on Thursday.')
    f = one(facts_of, text)
    assert (f.speaker, f.kind, f.cue) == ("Juha Suoniemi", "direct", "told")
    assert f.role == "CEO of Neurosonic, a Finnish company specialized in producing well-being technology"
    assert f.quote == "This is my first time here. We are looking for partners to enter the Chinese market"


def test_unattributed_paragraph_continues_the_speaker(facts_of):
    text = ('"We are looking for partners to enter the Chinese market," Juha Suoniemi, CEO of Neurosonic, told '
            'the Global Times.\n\n"I think the Chinese have more advanced ecosystems. I am really excited."')
    found = quotes(facts_of, text)
    assert [(f.speaker, f.kind, f.cue) for f in found] == [
        ("Juha Suoniemi", "direct", "told"), ("Juha Suoniemi", "direct", None)]
    assert found[1].role == "CEO of Neurosonic"


def test_quote_split_by_attribution(facts_of):
    text = ("Environment Canada spokeswoman Sujata Raisinghani told CBC News the department will look into it.\n\n"
            '"We take document security seriously," she said, "and we will review every procedure we have."')
    found = [f for f in quotes(facts_of, text) if f.kind == "direct"]
    assert [f.speaker for f in found] == ["Sujata Raisinghani", "Sujata Raisinghani"]
    assert found[0].quote == "We take document security seriously"
    assert found[1].quote == "and we will review every procedure we have."


def test_curly_and_straight_marks(facts_of):
    for text in ('“We did this one together,” said Eliud Kipchoge after the run.',
                 '"We did this one together," said Eliud Kipchoge after the run.'):
        f = one(facts_of, text)
        assert (f.speaker, f.quote, f.cue) == ("Eliud Kipchoge", "We did this one together", "said")


def test_quotation_running_across_paragraphs(facts_of):
    text = ('After the match, Harry Kane, English captain, said, "In the first half it felt good out there.\n\n'
            'We could have scored two or three goals."')
    f = one(facts_of, text)
    assert f.speaker == "Harry Kane"
    assert f.quote.startswith("In the first half") and f.quote.endswith("three goals.")


def test_pronoun_resolves_to_the_last_person(facts_of):
    text = ("Djauhari Oratmangun, Ambassador of Indonesia to China, stated in his speech that China and ASEAN have "
            "become each other's largest trade partners. He believed that the cooperation in the digital economy will "
            "continue to advance.")
    found = quotes(facts_of, text)
    assert [(f.speaker, f.role, f.cue) for f in found] == [
        ("Djauhari Oratmangun", "Ambassador of Indonesia to China", "stated"),
        ("Djauhari Oratmangun", "Ambassador of Indonesia to China", "believed")]


def test_according_to_unnamed_source(facts_of):
    f = one(facts_of, "According to the attendees, the forum offered them a profound insight into cooperation.")
    assert (f.speaker, f.role, f.cue) == ("the attendees", None, "According to")
    assert f.quote == "the forum offered them a profound insight into cooperation"


def test_organisation_speaks_with_no_role(facts_of):
    text = ("The United Auto Workers union represents the plant.\n\n"
            "The UAW issued a statement saying the impacted workers face an uncertain future.")
    f = one(facts_of, text)
    assert (f.speaker, f.role) == ("United Auto Workers", None)


def test_unnamed_plural_speaker(facts_of):
    f = one(facts_of, "Congressional lawmakers rejected the proposal, although industry experts say the deal had been "
                      "killed by the Pentagon.")
    assert f.speaker == "industry experts"


def test_a_company_said(facts_of):
    f = one(facts_of, "Boeing said it would deliver the first aircraft next year.")
    assert (f.speaker, f.role, f.quote) == ("Boeing", None, "it would deliver the first aircraft next year")


@pytest.mark.parametrize("text", [
    'The Silk Road E-commerce Pavilion showcases the achievements of "Silk Road E-commerce" in trade.',
    'Under the theme "Technological Leadership, Industrial Synergy," the forum features 5 sub-forums.',
    "China's trade exceeded 2 trillion yuan, according to data from the Ministry of Commerce.",
    "Exhibitors and visitors embraced the expo and expressed high hopes of utilizing the platform.",
    "Wisconsin Governor Tony Evers declared a state of emergency and deployed the national guard.",
])
def test_not_quotes(facts_of, text):
    assert quotes(facts_of, text) == []


def _gold_seed_quotes():
    rows = []
    path = SHARED / "gold" / "seeds.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            if g["type"] == "quote" and not g.get("optional"):
                rows.append(g)
    return rows


GOLD_SEED_QUOTES = _gold_seed_quotes()


@pytest.mark.skipif(not GOLD_SEED_QUOTES, reason="../shared/gold/seeds.jsonl is not beside the checkout")
@pytest.mark.parametrize("gold", GOLD_SEED_QUOTES, ids=[g["quote"][:30] for g in GOLD_SEED_QUOTES])
def test_seed_quotes_match_gold(extractor, gold):
    from factx.documents import Document

    text = (SEEDS / gold["doc"]).read_text(encoding="utf-8")
    result = next(extractor.process([Document(gold["doc"], text)]))
    found = [f for f in result.facts if f.type == "quote" and f.start < gold["end"] and gold["start"] < f.end]
    assert found, f"no quote over {gold['quote'][:40]!r}"
    f = found[0]
    assert f.speaker == gold["speaker"]
    assert f.role == gold["role"]
    assert f.kind == gold["kind"]
    assert f.quote == gold["quote"]
