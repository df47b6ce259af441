"""Quotes, one row a construction of English: the sentence, then the fact it must give.

Each row names the construction it stands for; the sentences are written for these tests,
not copied from any corpus. Every row runs the real pipeline (tagger, NER and the parse on
demand) and checks speaker, role, kind and content, and that the offsets give the content.
"""
from __future__ import annotations

import pytest

ANCHOR = "2023-11-24"

# (construction, text, speaker, role, kind, content)
ROWS = [
    ("said that: content after 'that'",
     "Peter Brown said that the union would strike on Friday.",
     "Peter Brown", None, "indirect", "the union would strike on Friday"),
    ("several reported clauses under one cue",
     "Peter Brown said the union would strike on Friday and that talks had failed.",
     "Peter Brown", None, "indirect", "the union would strike on Friday and that talks had failed"),
    ("parenthetical cue in mid-clause, speaker named before",
     "Maria Lopez, the governor of the state, spoke on Monday. The plan, she said, would fail within a year.",
     "Maria Lopez", "the governor of the state", "indirect", "The plan, she said, would fail within a year"),
    ("parenthetical cue, pronoun with no antecedent stays as written",
     "The plan, she said, would fail within a year.",
     "she", None, "indirect", "The plan, she said, would fail within a year"),
    ("unresolved pronoun subject stays as written",
     "He adds that the numbers are wrong.",
     "He", None, "indirect", "the numbers are wrong"),
    ("unnamed speaker: possessive noun phrase as written",
     "The report's authors say the decline began in the 1990s.",
     "The report's authors", None, "indirect", "the decline began in the 1990s"),
    ("unnamed speaker: quantified noun as written",
     "One commenter wrote that the policy was unfair to renters.",
     "One commenter", None, "indirect", "the policy was unfair to renters"),
    ("unnamed speaker with a prepositional modifier as written",
     "A spokeswoman for the ministry said the border would reopen.",
     "A spokeswoman for the ministry", None, "indirect", "the border would reopen"),
    ("'the company' with no company named stands as written",
     "The company said profits fell sharply.",
     "The company", None, "indirect", "profits fell sharply"),
    ("'the company' resolves to the company named before",
     "Acme Corp hired a new director last year. The company said revenue rose 5 percent.",
     "Acme Corp", None, "indirect", "revenue rose 5 percent"),
    ("'the company' skips a body that is no business for the last company named",
     "Acme Corp and the Red Cross sent aid. The company said it would send more trucks.",
     "Acme Corp", None, "indirect", "it would send more trucks"),
    ("'the company' skips a ministry named after the company",
     "Acme Corp was fined by the Ministry of Labour on Monday. The company said it would appeal.",
     "Acme Corp", None, "indirect", "it would appeal"),
    ("document noun: the organisation behind 'a statement from X' speaks",
     "A statement from the ministry said the talks had been postponed.",
     "the ministry", None, "indirect", "the talks had been postponed"),
    ("NAME of ORG: the person speaks, the organisation is the role",
     "John Smith of Acme Corp said the factory would close in March.",
     "John Smith", "of Acme Corp", "indirect", "the factory would close in March"),
    ("infinitive content of 'urged'",
     "The governor urged residents to stay home during the storm.",
     "The governor", None, "indirect", "residents to stay home during the storm"),
    ("describing verb: object and 'as' predicate",
     "The mayor characterized the decision as a betrayal of the city's workers.",
     "The mayor", None, "indirect", "the decision as a betrayal of the city's workers"),
    ("describing verb with a quoted predicate: the quotation, direct",
     'Governor Maria Lopez calls it "a reckless gamble with public money."',
     "Maria Lopez", "Governor", "direct", "a reckless gamble with public money."),
    ("typewriter quotation marks, inverted cue with an apposition role",
     "''We will not back down,'' said Peter Brown, a spokesman for the union.",
     "Peter Brown", "a spokesman for the union", "direct", "We will not back down"),
    ("unquoted content before an inverted cue, apposition role from the parse",
     "The talks failed, said Peter Brown, a spokesman for the union.",
     "Peter Brown", "a spokesman for the union", "indirect", "The talks failed"),
    ("'According to X, APPOSITION, ...': the apposition is the role, not content",
     "According to Anna Wells, a senior analyst at Bluefin Research, the market will recover next year.",
     "Anna Wells", "a senior analyst at Bluefin Research", "indirect", "the market will recover next year"),
    ("'according to' a possessive organisation phrase as written",
     "Dozens of homes were flooded, according to the city's emergency management office.",
     "the city's emergency management office", None, "indirect", "Dozens of homes were flooded"),
    ("'according to NAME's NOUN ...' as written",
     "The bridge will reopen in May, according to Canada's Transport Safety Board.",
     "Canada's Transport Safety Board", None, "indirect", "The bridge will reopen in May"),
    ("surname resolved to the full name, 'Ms X' for 'Lydia X'",
     "Lydia Okafor founded the charity in 2004. Ms Okafor said donations had doubled.",
     "Lydia Okafor", None, "indirect", "donations had doubled"),
    ("apposition after the name",
     "Tim Cook, Apple's chief executive, said the company would invest more in China.",
     "Tim Cook", "Apple's chief executive", "indirect", "the company would invest more in China"),
    ("possessive role before the name, between commas",
     "Apple's chief executive, Tim Cook, said the company would invest more in China.",
     "Tim Cook", "Apple's chief executive", "indirect", "the company would invest more in China"),
    ("title before the name",
     "Foreign Ministry spokesperson Wang Wenbin said China opposed the sanctions.",
     "Wang Wenbin", "Foreign Ministry spokesperson", "indirect", "China opposed the sanctions"),
    ("'who heads X' gives the role; the person, not X, speaks",
     "Anna Berg, who heads the Nordic Council, said the region needed more trains.",
     "Anna Berg", "heads the Nordic Council", "indirect", "the region needed more trains"),
    ("curly single quotation marks, role before the name",
     "\u2018We will fight this decision,\u2019 said the union leader, Sam Reid.",
     "Sam Reid", "the union leader", "direct", "We will fight this decision"),
    ("straight single quotation marks, pronoun resolved",
     "Sam Reid leads the union. 'We will fight this decision in every court,' he said.",
     "Sam Reid", None, "direct", "We will fight this decision in every court"),
    ("role without a title word: apposition across a preposition",
     '"The economy is strong," said Janet Ross, assistant professor of economics at Yale University.',
     "Janet Ross", "assistant professor of economics at Yale University", "direct", "The economy is strong"),
    ("pronoun matched by gender: 'she' skips the man named last",
     "Ms. Vera Holm met Mr. Tom Lund on Monday. Lund spoke first. She said the talks went well.",
     "Vera Holm", None, "indirect", "the talks went well"),
    ("pronoun matched by gender learnt from a possessive",
     "Anna Schmidt thanked her staff. David Miller thanked his team. She said the budget was balanced.",
     "Anna Schmidt", None, "indirect", "the budget was balanced"),
    ("participle cue hanging from the reported clause belongs to the main speaker",
     'Okey Oramah said the tariffs "cost Africa billions," further saying, "Trade within the continent '
     'suffers because of it."',
     "Okey Oramah", None, "direct", "Trade within the continent suffers because of it."),
    ("coordinated unnamed subject with 'such as' stays one phrase",
     "Charities, such as Oxfam, today said that they had lost much of their funds.",
     "Charities, such as Oxfam", None, "indirect", "they had lost much of their funds"),
    ("a name with an abbreviation in brackets the NER left open",
     "The Philippine Institute of Volcanology and Seismology (Phivolcs) reported that the quake struck at dawn.",
     "The Philippine Institute of Volcanology and Seismology", None, "indirect", "the quake struck at dawn"),
    ("an inverted parenthetical cue after a fronted 'because' clause",
     "Because warm water is lighter, says the study, it rises above cold water.",
     "the study", None, "indirect", "Because warm water is lighter, says the study, it rises above cold water"),
    ("a clause whose past verb the tagger read as a participle",
     "The court said not allowing them to marry constituted unequal treatment.",
     "The court", None, "indirect", "not allowing them to marry constituted unequal treatment"),
    ("a named addressee the parse folded into the clause",
     "Nur Khan told Agence France-Presse arson has been used to evict slum dwellers.",
     "Nur Khan", None, "indirect", "arson has been used to evict slum dwellers"),
    ("a name between a split subject and the cue speaks",
     'The watchdog group the Project on Public Spending has called it "a textbook case of waste."',
     "Project on Public Spending", None, "direct", "a textbook case of waste."),
]


@pytest.mark.parametrize("construction,text,speaker,role,kind,content", ROWS, ids=[r[0] for r in ROWS])
def test_construction(facts_of, construction, text, speaker, role, kind, content):
    found = [f for f in facts_of(text, ANCHOR, types={"quote"}) if f.quote == content]
    assert found, [(f.speaker, f.quote) for f in facts_of(text, ANCHOR, types={"quote"})]
    f = found[0]
    assert text[f.start:f.end] == f.text == f.quote
    assert (f.speaker.removeprefix("the "), f.role, f.kind) == (speaker.removeprefix("the "), role, kind)


# (construction, text): no quote fact at all
NOT_QUOTES = [
    ("a cue word as a noun ('the adds')", "The adds on television were expensive and ran for weeks."),
    ("'state' as a noun", "The state's position was clear, and its statements were consistent."),
    ("describing verb without a predicate", "The neighbours called the police after the fire started."),
    ("negated cue", "The minister did not say when the cuts would fall."),
    ("a question to the reader", "Do you think the market will recover next year?"),
    ("a clause whose subject stands outside it", "Officials said that were involved in the raid."),
]


@pytest.mark.parametrize("construction,text", NOT_QUOTES, ids=[r[0] for r in NOT_QUOTES])
def test_not_a_quote(facts_of, construction, text):
    assert [(f.speaker, f.quote) for f in facts_of(text, ANCHOR, types={"quote"})] == []


def test_relative_clause_content_without_its_subject_is_not_a_quote(facts_of):
    """'which NASA said might take place in June': the clause's subject is the relative pronoun."""
    text = "The launch, which NASA said might take place in June, was delayed again."
    assert [f.quote for f in facts_of(text, ANCHOR, types={"quote"})] == []


def test_parse_apposition_role_is_shared_by_later_quotes(facts_of):
    text = ("The talks failed, said Peter Brown, a spokesman for the union. "
            "\"We will be back at the table next week,\" Brown said.")
    found = facts_of(text, ANCHOR, types={"quote"})
    assert [(f.speaker, f.role) for f in found] == [("Peter Brown", "a spokesman for the union")] * 2
