"""Find who a casualty word counts, by walking the dependency parse from the word to the counted noun phrase.

"12 people were killed" (passive subject), "killed two insurgents" (object), "thousands may have died"
(subject), "12 dead", "33 injured" (a number on the word), "left 12 people dead" (object of the verb the
adjective completes), "forced 4 million to flee" (object of the verb that `flee` completes), "45 deaths",
"the death toll rose to 45", "a man was shot to death" and "fatally stabbed" (any verb that kills), "killed and
wounded a number of fighters" (one object shared by two words).
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from .lexicon import Lexicon

__all__ = ["trigger_category", "patients", "shared_object", "killing_verb", "unstated", "reported", "is_verb",
           "is_passive"]

_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
_RELATIVE = {"who", "that", "which", "whom"}
_TOLL_VERBS = {"rise", "climb", "reach", "stand", "hit", "jump", "increase", "grow", "mount", "surpass", "top",
               "exceed", "be", "soar"}
_LIFE_VERBS = {"claim", "take", "cost", "lose"}
_CUSTODY = {"custody", "captivity", "detention"}
_CAPTIVE = {"prisoner", "hostage", "captive"}


def is_verb(t: Token) -> bool:
    """A verb by its tag or part of speech (the small parser tags some participles one way, some the other)."""
    return t.tag_ in _VERB_TAGS or t.pos_ in ("VERB", "AUX")


def killing_verb(t: Token, lx: Lexicon) -> Token | None:
    """The verb that `t` makes a killing: "shot to death" (t = death), "fatally stabbed" (t = fatally)."""
    if t.lower_ == "death" and t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.dep_ == "prep" \
            and not any(c.dep_ in ("det", "poss", "prep") for c in t.children):   # not "led to the death of"
        verb = t.head.head
    elif t.lower_ == "fatally" and t.dep_ == "advmod":
        verb = t.head
    else:
        return None
    if not is_verb(verb) or verb.lemma_.lower() in lx.to_death_excluded:
        return None
    return verb


def trigger_category(t: Token, lx: Lexicon) -> tuple[str, str] | None:
    """(category, role) if `t` is a casualty word: role is trans, intrans, adj, noun or take (taken into custody),
    or `killing` for the "to death"/"fatally" that makes its verb a killing."""
    lemma, lower = t.lemma_.lower(), t.lower_
    if lemma not in lx.trigger_lemmas and lower not in lx.adjectives and lower not in lx.nouns \
            and lower not in ("death", "fatally"):
        return None                                       # most words: no need to look at their tags
    if lower in ("death", "fatally") and killing_verb(t, lx) is not None:
        return "killed", "killing"
    if is_verb(t):
        if lemma in lx.transitive:
            if lemma == "round" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
                return None
            if any(c.lower_ == "fatally" for c in t.children):   # "fatally wounded": killed, not injured
                return "killed", "trans"
            return lx.transitive[lemma], "trans"
        if lemma in lx.intransitive:
            return lx.intransitive[lemma], "intrans"
        if lemma == "take" and (any(c.dep_ == "prep" and any(g.lemma_.lower() in _CUSTODY for g in c.children)
                                    for c in t.children)
                                or any(c.lemma_.lower() in _CAPTIVE and c.dep_ in ("oprd", "attr", "dobj", "xcomp")
                                       for c in t.children)):
            return "captured", "trans"
    if lower in lx.adjectives and (t.pos_ == "ADJ" or t.tag_ in ("VBN", "JJ", "VBG")):
        if any(c.lower_ == "fatally" for c in t.children):
            return "killed", "adj"
        return lx.adjectives[lower], "adj"
    if t.pos_ == "NOUN" and (lemma in lx.nouns or lower in lx.nouns):      # "corpses" has the lemma "corps"
        return lx.nouns.get(lemma) or lx.nouns[lower], "noun"
    return None


def _child(t: Token, *deps: str) -> Token | None:
    return next((c for c in t.children if c.dep_ in deps), None)


def _subject(t: Token, *deps: str) -> Token | None:
    """The subject of `t`; of two (a misparse), the one nearest before `t` that is not a date."""
    subjects = [c for c in t.children if c.dep_ in deps]
    if len(subjects) > 1:
        subjects = [c for c in subjects if c.ent_type_ not in ("DATE", "TIME")] or subjects
    return subjects[-1] if subjects else None


def is_passive(t: Token) -> bool:
    """"were killed": the verb has a passive subject or auxiliary."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)


def is_range(t: Token) -> bool:
    """"Between five and 23 (of them)": a number joined by "and" to another after "between" is one range, which
    the parser can read as two conjoined numbers."""
    return (t.pos_ == "NUM" or t.like_num) and t.i > 0 and t.doc[t.i - 1].lower_ == "between" \
        and any(c.dep_ == "conj" and (c.pos_ == "NUM" or c.like_num) for c in t.children)


def _with_conjuncts(t: Token | None) -> Iterator[Token]:
    """A noun and the nouns conjoined to it ("a leader and two associates")."""
    if t is None:
        return
    yield t
    for c in t.children:
        if c.pos_ == "NUM" and is_range(t):
            continue                                 # "between five and 23 of them": one count, not two
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            yield from _with_conjuncts(c)
        elif c.dep_ == "appos":                      # "the man, an IED facilitator, and three suspects"
            for g in c.children:
                if g.dep_ == "conj" and g.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                    yield from _with_conjuncts(g)


_QUANTITY_NOUNS = {"dozens", "hundreds", "thousands", "millions", "scores", "several", "many", "others"}


def _numeric_child(t: Token) -> Token | None:
    """A bare number hanging on the word itself: "33 injured", "12 dead", "dozens wounded"."""
    for c in t.children:
        if c.i < t.i and c.dep_ in ("nsubj", "nsubjpass", "npadvmod", "nummod", "advmod", "dep", "quantmod") \
                and (c.like_num or c.pos_ == "NUM" or c.lower_ in _QUANTITY_NOUNS):
            return c
    return None


def _along_with(t: Token) -> list[Token]:
    """"detained the leader along with three of his associates": the people added by along/together with."""
    out = []
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("along", "together"):
            for w in c.children:
                if w.dep_ == "prep" and w.lower_ == "with":
                    out.extend(g for g in w.children if g.dep_ == "pobj")
    return out


def _listed_subjects(t: Token, subj: Token | None) -> list[Token]:
    """"A rebel commander and four of his guards were killed" parsed as three subjects with the "and" left on the
    first noun: the subjects before the one read, from the one carrying "and"."""
    if subj is None:
        return []
    subjects = [c for c in t.children if c.dep_ == subj.dep_ and c.i < subj.i]
    first = next((i for i, c in enumerate(subjects)
                  if any(g.dep_ == "cc" and g.lower_ == "and" and g.i > c.i for g in c.children)), None)
    return subjects[first:first + 1] if first is not None else []


def _gapped_passive(t: Token) -> bool:
    """"One insurgent was killed and his accomplice detained": a second passive without its "was", which the
    parser reads as an active verb with a subject and no object."""
    return t.dep_ == "conj" and is_passive(t.head) and _child(t, "dobj") is None and _child(t, "nsubj") is not None \
        and not any(c.dep_ in ("aux", "auxpass") for c in t.children)


def _left_of_aux(t: Token) -> Token | None:
    """The noun just before "was" when the parser lost a passive subject ("On 3 June, in Tarvel, Oskar province, a
    driver was killed" parsed with "a driver" in apposition to the place)."""
    aux = [c for c in t.children if c.dep_ in ("aux", "auxpass") and c.i < t.i]
    if not aux:
        return None
    i = aux[0].i - 1
    doc = t.doc
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN", "NUM") or doc[i].sent.start != t.sent.start:
        return None
    return doc[i]


def _relative_head(t: Token, subj: Token | None) -> Token | None:
    """For "people who died" the counted noun is the one the relative clause hangs on; a date the parser took
    for the subject ("Around 8 May 2020, ... a man was found dead") gives way to the noun before the verb."""
    if subj is not None and subj.lower_ in _RELATIVE and t.dep_ == "relcl":
        return t.head
    if subj is not None and subj.ent_type_ in ("DATE", "TIME"):
        return _left_of_aux(t)
    return subj


def shared_object(t: Token, lx: Lexicon | None = None) -> Token | None:
    """"killed and wounded a number of fighters": the object of the casualty verb `t` is joined to, when `t`
    has none ("kidnapped ... and exploded a series of bombs" shares nothing: exploding counts no one)."""
    if _child(t, "dobj") is not None:
        return None
    for c in t.children:
        if c.dep_ == "conj" and is_verb(c) and _child(c, "dobj") is not None \
                and (lx is None or trigger_category(c, lx) is not None):
            return _child(c, "dobj")
    return None


def _up_to(t: Token) -> Token | None:
    """"kidnapped up to 16 advisers" parsed as the particle "up" and "to 16 advisers"."""
    for c in t.children:
        if c.dep_ == "prt" and c.lower_ == "up":
            prep = next((g for g in list(c.children) + list(t.children)
                         if g.dep_ == "prep" and g.lower_ == "to" and g.i == c.i + 1), None)
            if prep is not None:
                return _child(prep, "pobj")
    return None


def patients(t: Token, role: str, lx: Lexicon | None = None) -> list[Token]:
    """The head tokens of the noun phrases that trigger `t` counts (may be empty)."""
    if role == "killing":
        verb = killing_verb(t, lx) if lx is not None else None
        return patients(verb, "trans") if verb is not None else []
    if role == "noun":
        return _noun_patients(t, lx)
    if role == "adj":
        return _adj_patients(t)
    if role == "intrans":
        subj = _relative_head(t, _subject(t, "nsubj", "nsubjpass"))
        if subj is None and t.dep_ in ("xcomp", "advcl"):
            subj = _child(t.head, "dobj") or _subject(t.head, "nsubjpass", "nsubj")
        if subj is None:
            subj = _numeric_child(t)
        if subj is None and t.dep_ == "conj" and is_verb(t.head):     # "the driver was shot and died"
            subj = _relative_head(t.head, _subject(t.head, "nsubjpass", "nsubj"))
        if subj is None:
            subj = _left_of_aux(t)
        return list(_with_conjuncts(subj))
    # transitive verbs (and "taken into custody")
    if t.dep_ in ("amod", "acl") and t.tag_ == "VBN" and t.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") \
            and _child(t, "dobj") is None and not is_passive(t):   # "people killed"; not "Blast: 2 were killed"
        return [t.head]
    if is_passive(t) or (t.tag_ == "VBN" and t.dep_ == "conj" and is_passive(t.head)) or _gapped_passive(t):
        subj = _relative_head(t, _subject(t, "nsubjpass", "nsubj"))
        if subj is None:
            subj = _numeric_child(t)
        if subj is None and t.dep_ == "conj" and is_passive(t.head):   # "He was engaged and killed"
            subj = _relative_head(t.head, _subject(t.head, "nsubjpass"))
        if subj is None:
            subj = _left_of_aux(t)
        found = _listed_subjects(t, subj) + list(_with_conjuncts(subj))
        return found + _along_with(t) if found else found
    if t.tag_ == "VBN" and t.dep_ in ("xcomp", "oprd", "ccomp") and _child(t, "dobj") is None:
        subj = _subject(t.head, "nsubjpass")          # "12 fighters were reported killed", "was confirmed killed"
        if subj is None and t.head.dep_ == "conj":   # "was seized and later found dead"
            subj = _subject(t.head.head, "nsubjpass")
        if subj is not None:
            return list(_with_conjuncts(subj))
    objs = [c for c in t.children if c.dep_ == "dobj"]
    while len(objs) > 1 and objs[1].i == objs[0].i + 1:   # "a Taliban sub-commander", split by the parser in three
        objs.pop(0)
    obj = objs[0] if objs else (_up_to(t) or shared_object(t, lx))
    if obj is None and t.tag_ == "VBN":
        obj = _numeric_child(t)                      # "12 killed and 33 injured"
    if obj is None and t.tag_ in ("VBD", "VBN"):     # "Six people killed and ten wounded": a headline's passive
        subj = _subject(t, "nsubj")
        if subj is not None and (subj.like_num or subj.pos_ == "NUM" or any(
                c.dep_ == "nummod" or c.lower_ in ("several", "many", "dozens", "hundreds") for c in subj.children)):
            obj = subj
    if obj is None:                                  # "killed between 10 and 15 soldiers"
        prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        obj = _child(prep, "pobj") if prep is not None else None
    found = list(_with_conjuncts(obj))
    if found:
        found += _along_with(t) + _along_with(found[0])
    return found


def _adj_patients(t: Token) -> list[Token]:
    num = _numeric_child(t)
    if num is not None:
        return [num]
    prev = t.doc[t.i - 1] if t.i > 0 else None
    if t.dep_ in ("advcl", "amod") and prev is not None and prev.i == t.i - 1 and prev.pos_ in ("NOUN", "NUM") \
            and any(c.dep_ == "nummod" for c in prev.children) and prev.dep_ in ("pobj", "dobj", "appos"):
        return [prev]                                # "left 14 fighters dead, 6 held"
    if _child(t, "dobj") is not None:               # "shot dead an IDP civilian", parsed with "dead" as the verb
        return list(_with_conjuncts(_child(t, "dobj")))
    if t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return [t.head]
    if t.dep_ == "oprd":                             # "left 12 people dead", "were reported dead"
        subj = _child(t.head, "dobj") or _relative_head(t.head, _subject(t.head, "nsubjpass"))
        if subj is None and t.head.dep_ == "conj" and is_passive(t.head.head):   # "was abducted and found dead"
            subj = _relative_head(t.head.head, _subject(t.head.head, "nsubjpass"))
        return list(_with_conjuncts(subj))
    if t.dep_ in ("acomp", "attr", "xcomp", "ccomp", "advmod"):
        head = t.head
        if _child(head, "dobj") is not None:         # "shot dead three gunmen"
            return list(_with_conjuncts(_child(head, "dobj")))
        return list(_with_conjuncts(_relative_head(head, _subject(head, "nsubj", "nsubjpass"))))
    return []


def _noun_patients(t: Token, lx: Lexicon | None) -> list[Token]:
    if t.lemma_.lower() == "toll":
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "at"):
                num = _child(c, "pobj")
                if num is not None and (num.like_num or num.pos_ == "NUM"):
                    return [num]
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in _TOLL_VERBS:
            verb = t.head
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "at", "past", "above"):
                    num = _child(c, "pobj")
                    if num is not None and (num.like_num or num.pos_ == "NUM"):
                        return [num]
                if c.dep_ in ("dobj", "attr") and (c.like_num or c.pos_ == "NUM"):
                    return [c]
        return []
    if t.lemma_.lower() == "life" and t.head.lemma_.lower() not in _LIFE_VERBS:
        return []
    if lx is not None and t.lemma_.lower() in lx.reported_nouns and not reported(t, lx):
        return []                                    # "the number of casualties was never established"
    if any(c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.lower_ in ("several", "numerous", "many"))
           or (c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") and _child(t, "prep") is None)
           for c in t.children if c.i < t.i):
        return [t]                                   # "45 deaths", "several fatalities", "his death", "a man's body"
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in _COUNT_HEADS:
        return [t.head.head]                         # "incurring a number of fatalities", "dozens of deaths"
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = _child(c, "pobj")
            if pobj is not None:                     # "the killing of 4 gunmen and 2-3 guards"
                more = [g for g in t.children if g.dep_ == "conj" and g.pos_ in ("NOUN", "PROPN")
                        and not any(x.dep_ == "prep" for x in g.children)]
                return list(_with_conjuncts(pobj)) + more
    return []


_COUNT_HEADS = {"number", "dozens", "hundreds", "thousands", "scores", "handful", "couple", "total", "lot"}


def reported(t: Token, lx: Lexicon) -> bool:
    """Does the clause report these deaths? "caused 23 casualties", "resulted in fatalities", "there were
    deaths", "3 fatalities." (a fragment) do; "the number of casualties was never established", "whether
    there were fatalities" and a note on how a figure was coded do not."""
    node = t
    while node.dep_ in ("conj", "appos") or (node.dep_ == "pobj" and node.head.lower_ == "of"
                                            and node.head.head.lower_ in _COUNT_HEADS):
        node = node.head.head if node.dep_ == "pobj" else node.head
    if node.dep_ == "ROOT":
        return True
    head = node.head
    if node.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if node.dep_ not in ("dobj", "pobj", "attr", "nsubj", "nsubjpass", "oprd") or not is_verb(head):
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("whether", "if")) for c in head.children):
        return False
    lemma = head.lemma_.lower()
    return lemma in lx.result_verbs or (lemma == "be" and any(c.dep_ == "expl" for c in head.children))


def unstated(t: Token, lx: Lexicon) -> bool:
    """"incurring fatalities", "resulted in casualties", "there were deaths": a plural casualty noun that
    says people died without saying how many."""
    if t.tag_ != "NNS" or any(c.dep_ in ("det", "nummod", "quantmod", "amod", "poss", "neg") for c in t.children):
        return False
    node = t
    while node.dep_ == "conj":
        node = node.head
    members = [node] + [c for c in node.subtree if c.dep_ == "conj"]
    if any(c.lower_ in ("no", "neither", "nor", "without") for m in members for c in m.children) \
            or any(c.lower_ in ("no", "neither") for c in node.children):
        return False                                 # "neither deaths nor injuries were reported"
    return node.dep_ != "ROOT" and reported(t, lx)
