"""Find actor mentions: noun phrases headed by a person, organisation, role noun or dictionary actor, and
countries used as agents ("Russia promised ..."). Names and coreference are settled in `resolve`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import accumulate

from spacy.attrs import DEP, HEAD, LOWER, ORTH, POS
from spacy.lang.en import syntax_iterators
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from ...model import Place
from .. import ents_of, per_string, text_of, tokens_of
from .lexicon import ActorLexicon, Entry

__all__ = ["Mention", "find_mentions"]

_AGENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "conj", "appos"}
_AGENT_PREPS = {"with", "against", "by", "on", "toward", "towards", "between", "for"}
_MOTION = {"return", "go", "come", "travel", "flee", "move", "arrive", "head", "fly", "retreat", "withdraw",
           "escape", "sail", "drive", "walk", "march", "relocate", "deploy", "evacuate", "back", "close", "near",
           "next", "due", "way", "trip", "visit", "journey", "road", "route", "border"}
_PRONOUNS = {"he", "she", "his", "her", "him"}
_SAY_PRONOUNS = {"it", "they"}
SAY_VERBS = {"say", "tell", "add", "state", "announce", "report", "claim", "warn", "note", "accuse", "deny"}
DETS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "some", "all", "both"}


@dataclass
class Mention:
    start: int                 # char offsets into the text
    end: int
    head: Token
    kind: str | None = None
    country: str | None = None
    name: str | None = None    # normalised name if known now (dictionary, person)
    person: bool = False
    role: str | None = None    # the role noun that gave the kind ("minister")
    pronoun: bool = False
    definite_role: bool = False  # "the minister": a bare title, resolved to an earlier actor
    owner: Token | None = None   # possessive pronoun inside the phrase ("His forces")


def _dictionary_spans(text: str, lx: ActorLexicon) -> list[tuple[int, int, Entry]]:
    spans: list[tuple[int, int, Entry]] = []
    for matcher in (lx.matcher_exact, lx.matcher_fold):
        if matcher is None:
            continue
        for m in matcher.finditer(text):
            entry = lx.entry_for(m.group())
            if entry is not None:
                spans.append((m.start(), m.end(), entry))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, Entry]] = []
    for s in spans:
        if not kept or s[0] >= kept[-1][1]:
            kept.append(s)
    return kept


def _role(tokens: list[Token], lx: ActorLexicon) -> tuple[str, str, int] | None:
    """(role phrase, sector, index of its last token) for the longest, rightmost role phrase in the tokens."""
    words = [t.lower_ for t in tokens]
    best = None
    for n in (3, 2, 1):
        for i in range(len(words) - n, -1, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in lx.roles and (best is None or i + n - 1 > best[2]):
                best = (phrase, lx.roles[phrase], i + n - 1)
        if best is not None:
            return best
    return None


def _country(tokens: list[Token], lx: ActorLexicon) -> str | None:
    for t in tokens:
        if t.text in lx.countries and t.pos_ in ("PROPN", "ADJ", "NOUN"):
            return lx.countries[t.text]
    words = [t.text for t in tokens]
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if phrase in lx.countries:
                return lx.countries[phrase]
    return None


def _of_country(root: Token, lx: ActorLexicon) -> str | None:
    """"military forces of Armenia", "the police of Belarus": the country in the head's "of" phrase."""
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and g.text in lx.countries and g.pos_ == "PROPN":
                    return lx.countries[g.text]
    return None


def _place_country(start: int, end: int, places: tuple[Place, ...]) -> str | None:
    for p in places:
        if p.start < end and start < p.end and p.country_code:
            return p.country_code
    return None


def _trim(span: Span) -> tuple[int, int]:
    """Char offsets of a noun chunk without trailing punctuation/possessive marks."""
    toks = [t for t in span]
    while toks and (toks[-1].is_punct or toks[-1].tag_ == "POS"):
        toks.pop()
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _first_conjunct(t: Token) -> Token:
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t


def _in_parentheses(t: Token) -> bool:
    """"in Gabiley town (Gabiley, Waqooyi Galbeed)": a name in brackets only says where."""
    text = text_of(t.doc)
    before = text[max(0, t.idx - 60):t.idx]
    return before.rfind("(") > before.rfind(")")


@lru_cache(maxsize=1)
def _measures() -> frozenset[str]:
    text = files("wirewatch").joinpath("data", "actors", "measures.tsv").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _under_measure(t: Token) -> bool:
    """"a curfew in Mosul", "imposed martial law in X", "a ban on voting in X": a place where a measure holds."""
    if t.dep_ != "pobj" or t.head.lower_ not in ("in", "on", "across", "throughout"):
        return False
    head = t.head.head
    for _ in range(3):                       # "a state *of* emergency in X", "a ban on voting in X"
        phrase = " ".join(w.lower_ for w in head.subtree if w.i <= head.i and w.dep_ in ("compound", "amod")
                          ) + " " + head.lower_
        if head.lower_ in _measures() or phrase.strip() in _measures() or any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in _measures() for g in c.children)
                for c in head.children):                # "a state of emergency in X"
            return True
        if head.dep_ not in ("pobj", "prep") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _is_agentive(t: Token, country: bool = False) -> bool:
    """Subject, object or 'talks with X'-style argument: a place named there acts as its government."""
    if _in_parentheses(t):
        return False
    t = _first_conjunct(t)
    if _under_measure(t):
        return True
    if country and t.dep_ == "pobj" and t.head.lower_ in ("in", "to", "into", "inside"):
        return True                # "sent troops to Lebanon", "lifted a curfew in Montenegro": the country acted on
    if t.dep_ == "appos" and (t.head.ent_type_ in ("GPE", "LOC", "FAC") or t.head.lemma_.lower() in
                              ("town", "city", "village", "district", "province", "region", "area", "county")):
        return False                                    # "Kharkiv, a city in the east" / "Mosul, Nineveh"
    if t.dep_ == "pobj" and t.head.lower_ == "to":       # "sent arms to X", not "returned to X"
        return t.head.head.lemma_.lower() not in _MOTION
    return t.dep_ in _AGENT_DEPS or (t.dep_ == "pobj" and t.head.lower_ in _AGENT_PREPS)


_LEAVE = {"withdraw", "pull", "evacuate", "expel", "remove", "leave", "oust"}
_VISIT = {"arrive", "visit", "travel", "fly", "go", "come"}


def _host(t: Token, country: bool, capital: bool) -> bool:
    """A country left or a capital visited is the other party: "withdraw its troops *from Lebanon*",
    "arrived *in Amman* on a visit" (PLOVER's target), not a mere setting."""
    t = _first_conjunct(t)
    if t.dep_ != "pobj" or _in_parentheses(t):
        return False
    verb = t.head.head.lemma_.lower()
    if country and t.head.lower_ == "from":
        return verb in _LEAVE
    return (country or capital) and t.head.lower_ in ("in", "to") and verb in _VISIT


def _clean_tokens(chunk: Span) -> list[Token]:
    """The chunk without a headline glued on by a line break, leading punctuation or trailing marks."""
    tokens = list(chunk)
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].is_space or "\n" in tokens[k].whitespace_:
            tokens = tokens[k + 1:]
            break
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    return tokens


_NAMED = {"PERSON", "ORG", "NORP", "GPE", "FAC"}


def _may_be_actor(chunk: Span, root: Token, lx: ActorLexicon, index: _DocIndex) -> bool:
    """A cheap test that lets most noun phrases ("the city", "a statement") skip the full reading: each way
    `_chunk_mention` can name an actor needs a named entity, a dictionary actor, a place or a role word
    (`index.role_word`: per token of the Doc, is its lower-case form a word of a role phrase)."""
    if root.ent_type_ in _NAMED or root.text in lx.countries:
        return True
    start, end = chunk.start_char, chunk.end_char
    if index.dict_entry(start, end) is not None or index.in_place(start, end):
        return True
    return any(index.role_word[chunk.start:chunk.end])


_CONDITIONS = frozenset({"emergency", "siege", "alert", "war", "readiness", "mourning", "shock"})


def _chunk_mention(chunk: Span, root: Token, lx: ActorLexicon, places, index: _DocIndex
                   ) -> Mention | None:
    if root.lower_ == "state" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.lower_ in _CONDITIONS for g in c.children) for c in root.children):
        return None                       # "a state of emergency / siege": a condition, not a state
    if not _may_be_actor(chunk, root, lx, index):
        return None
    tokens = _clean_tokens(chunk)
    if root not in tokens:
        return None
    owner = next((t for t in tokens if t.dep_ == "poss" and t.lower_ in ("his", "her", "their", "its")), None)
    if owner is not None:                                   # "His forces": the phrase after the pronoun
        tokens = [t for t in tokens if t.i > owner.i]
        if not tokens:
            return None
    ent = index.ent_at.get(root.i)
    if ent is not None and ent.label_ in ("ORG", "PERSON", "FAC") and ent.end > tokens[-1].i + 1 \
            and not ent[-1].is_punct:                       # "the Bank" + "of England": the whole name
        tokens = tokens + list(chunk.doc[tokens[-1].i + 1: ent.end])
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    at = root.idx
    entry = index.dict_entry(at, at + 1) or index.dict_entry(start, end)
    role = _role(tokens, lx)
    in_place = index.in_place(at, at + 1) or root.text in lx.countries
    person = root.ent_type_ == "PERSON" and root.pos_ == "PROPN" and not in_place
    m = Mention(start, end, root, owner=owner)
    m.country = _country(tokens, lx) or _of_country(root, lx)
    if entry is not None:
        m.name, m.kind = entry.name, entry.kind
        m.country = entry.country or m.country
        if role is not None and role[2] == len(tokens) - 1 and root.lower_ != entry.phrase.split()[-1].lower():
            m.kind, m.name, m.role = role[1], None, role[0]   # "TASS reporters" -> MED, not TASS itself
        return m
    if person:
        ent = index.ent_at[root.i]
        m.person, m.name = True, ent.text
        if role is not None:
            m.kind, m.role = role[1], role[0]
        return m
    if role is not None and role[2] == len(tokens) - 1:
        m.kind, m.role = role[1], role[0]
        modifiers = [t for t in tokens[:-1] if t.lower_ not in DETS]
        m.definite_role = (not modifiers and any(t.lower_ == "the" for t in tokens)) and m.country is None
        return m
    if root.ent_type_ == "ORG" and not in_place:
        m.kind = _org_kind(tokens, lx)
        if m.kind is None and not _is_agentive(root):      # a bare unknown name in "around X": likely a place
            return None
        m.name = _name_of(tokens)
        return m
    if role is not None and root.pos_ == "NOUN" and m.country is not None:  # "Israeli army bulldozers"
        m.kind, m.role = role[1], role[0]
        return m
    if root.ent_type_ == "NORP" and root.text in lx.countries:   # "Russians", "the Afghans"
        m.kind, m.country = "CVL", lx.countries[root.text]
        return m
    country = any(p.start <= root.idx < p.end and (p.feature_code or "").startswith(("PCL", "ADM1")) for p in places)
    capital = any(p.start <= root.idx < p.end and p.feature_code == "PPLC" for p in places)
    if (root.ent_type_ == "GPE" or in_place) and (_is_agentive(root, country) or _host(root, country, capital)):
        code = m.country or lx.countries.get(root.text) or _place_country(start, end, places)
        if code is None:
            return None
        m.kind, m.country, m.name = "GOV", code, _name_of(tokens)
        return m
    return None


def _name_of(tokens: list[Token]) -> str:
    """The phrase as written, without leading determiners ("the so-called Trans-Pacific Partnership" ->
    "so-called Trans-Pacific Partnership")."""
    while len(tokens) > 1 and tokens[0].lower_ in DETS:
        tokens = tokens[1:]
    doc = tokens[0].doc
    return text_of(doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]


def _org_kind(tokens: list[Token], lx: ActorLexicon) -> str | None:
    for t in tokens:
        kind = lx.roles.get(t.lower_)
        if kind:
            return kind
    return None


_NP_LABELS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")
_NOMINAL = frozenset({NOUN, PROPN, PRON})


def noun_chunks(doc: Doc) -> list[Span]:
    """`list(doc.noun_chunks)`, the same Spans, computed from the POS, DEP and HEAD arrays.

    spaCy's English iterator (`spacy.lang.en.syntax_iterators.noun_chunks`) builds a Token object for every
    token of the Doc; here only the few nouns that head a chunk get one (for their `left_edge`). Its steps are
    kept one for one; any other iterator (another language) is simply run."""
    if doc.noun_chunks_iterator is not syntax_iterators.noun_chunks or not len(doc) \
            or not doc.has_annotation("DEP"):
        return list(doc.noun_chunks)
    strings = doc.vocab.strings   # label ids as spaCy's iterator gets them (dependency labels are symbols)
    np_deps = frozenset(strings.add(label) for label in _NP_LABELS)
    conj, np_label = strings.add("conj"), strings.add("NP")
    pos, dep, head = (_columns(doc)[k] for k in ("pos", "dep", "head"))
    spans: list[Span] = []
    prev_end = -1
    for i, (p, d) in enumerate(zip(pos, dep)):
        if p not in _NOMINAL or (d not in np_deps and d != conj):   # spaCy skips these too, one test later
            continue
        left = doc[i].left_edge.i
        if left <= prev_end:                 # no nested chunks
            continue
        if d not in np_deps:                # a conjunct: a chunk if what it is coordinated to heads one
            h = i + head[i]
            while dep[h] == conj and head[h] < 0:
                h += head[h]
            if dep[h] not in np_deps:
                continue
        prev_end = i
        spans.append(Span(doc, left, i + 1, label=np_label))
    return spans


_COLUMNS = (("pos", POS), ("dep", DEP), ("head", HEAD), ("lower", LOWER), ("orth", ORTH))


def _columns(doc: Doc) -> dict[str, list[int]]:
    """The token attributes `find_mentions` reads as integers (POS, DEP, HEAD as a signed offset, LOWER, ORTH),
    from one `to_array` per Doc."""
    cached = doc.user_data.get("ww_actor_columns")
    if cached is None:
        arr = doc.to_array([attr for _, attr in _COLUMNS])
        cached = {name: arr[:, k].tolist() for k, (name, _) in enumerate(_COLUMNS)}
        cached["head"] = arr[:, 2].astype("int64").tolist()   # relative offsets (stored unsigned)
        doc.user_data["ww_actor_columns"] = cached
    return cached


class _DocIndex:
    """What `find_mentions` looks up per noun phrase, computed once per Doc: per token, the entity it is in and
    whether its lower-case form is a role word; the dictionary actors' and the places' character spans, laid
    out for bisection (a noun phrase asks which of them it overlaps: a scan of all of them per phrase cost
    more than reading the phrase)."""

    def __init__(self, doc: Doc, lx: ActorLexicon, places: tuple[Place, ...],
                 dict_spans: list[tuple[int, int, Entry]] = ()) -> None:
        self.ent_at: dict[int, Span] = {}
        for e in ents_of(doc):
            for i in range(e.start, e.end):
                self.ent_at.setdefault(i, e)
        self.dict_spans = dict_spans        # in text order, never overlapping (`_dictionary_spans`)
        self.dict_ends = [t for _, t, _ in dict_spans]
        spans = sorted((p.start, p.end) for p in places)
        self.place_starts = [a for a, _ in spans]
        self.place_reach = list(accumulate((b for _, b in spans), max))  # furthest end among the first k places
        self.role_word = per_string(doc, _columns(doc)["lower"] if len(doc) else [], lx.role_word_ids,
                                lambda word: word in lx.role_words)


    def dict_entry(self, start: int, end: int) -> Entry | None:
        """The first dictionary actor (in text order) whose span overlaps [start, end)."""
        k = bisect_right(self.dict_ends, start)     # the first span ending after `start`: spans are disjoint
        if k < len(self.dict_spans) and self.dict_spans[k][0] < end:
            return self.dict_spans[k][2]
        return None

    def in_place(self, start: int, end: int) -> bool:
        """Does some place's span overlap [start, end)?"""
        k = bisect_left(self.place_starts, end)     # the places that start before `end`
        return k > 0 and self.place_reach[k - 1] > start


def _token_cues(doc: Doc, lx: ActorLexicon) -> list[int]:
    """Indices of the tokens the token-by-token pass of `find_mentions` can act on: a country word, a
    possessive, a pronoun it reads. Found from the ORTH and DEP arrays; the pass builds no Token for the rest."""
    if not len(doc):
        return []
    orth, dep = _columns(doc)["orth"], _columns(doc)["dep"]
    cue = per_string(doc, orth, lx.token_cue_ids, lambda word: word in lx.countries
                 or word.lower() in _PRONOUNS or word.lower() in _SAY_PRONOUNS)
    poss = doc.vocab.strings.add("poss")
    return [i for i, (hit, d) in enumerate(zip(cue, dep)) if hit or d == poss]


def find_mentions(doc: Doc, lx: ActorLexicon, places: tuple[Place, ...] = ()) -> list[Mention]:
    """Actor mentions in text order (not yet named or linked)."""
    text = text_of(doc)
    dict_spans = _dictionary_spans(text, lx)
    index = _DocIndex(doc, lx, places, dict_spans)
    out: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for chunk in noun_chunks(doc):
        root = chunk.root
        if root.pos_ == "PRON":
            continue
        m = _chunk_mention(chunk, root, lx, places, index)
        if m is not None:
            out.append(m)
            covered.append((chunk.start_char, chunk.end_char))
    for s, e, entry in dict_spans:                       # dictionary actors outside any noun chunk
        if not any(cs < e and s < ce for cs, ce in covered):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            out.append(Mention(s, e, span.root, kind=entry.kind, country=entry.country, name=entry.name))
            covered.append((s, e))
    tokens = tokens_of(doc)
    for t in (tokens[i] for i in _token_cues(doc, lx)):
        word = t.text
        if word in lx.countries:                           # "Israel's wish", "Iraqi towns": the country acts
            if not any(cs <= t.idx < ce for cs, ce in covered) and t.ent_type_ in ("GPE", "NORP") \
                    and t.dep_ in ("poss", "amod", "compound"):
                span = doc[t.ent_iob_ == "B" and t.i or t.i: t.i + 1]
                kind = "GOV" if t.ent_type_ == "GPE" else None
                out.append(Mention(span.start_char, span.end_char, t, kind=kind, country=lx.countries[word],
                                   name=word))
        if t.dep_ == "poss" and t.ent_type_ == "PERSON" and t.pos_ == "PROPN" \
                and not any(cs <= t.idx < ce for cs, ce in covered):   # "Prime Minister X's refusal"
            ent = next((e for e in ents_of(doc) if e.start <= t.i < e.end), None)
            first = t.left_edge if t.left_edge.dep_ != "det" else doc[t.left_edge.i + 1]
            if ent is not None and first.i <= t.i:
                tokens_ = [w for w in doc[first.i:t.i + 1] if w.tag_ != "POS"]
                role = _role(tokens_, lx)
                m = Mention(tokens_[0].idx, t.idx + len(t.text), t, person=True, name=ent.text)
                m.kind = role[1] if role else None
                m.country = _country(tokens_, lx)
                out.append(m)
                covered.append((m.start, m.end))
        low = word.lower()
        if (low in _PRONOUNS or low in _SAY_PRONOUNS) and t.pos_ == "PRON" and (
                low in _PRONOUNS or (t.dep_ == "nsubj" and t.head.lemma_.lower() in SAY_VERBS)):
            out.append(Mention(t.idx, t.idx + len(t), t, pronoun=True))
    out.sort(key=lambda m: m.start)
    return out
