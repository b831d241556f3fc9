"""The project's Swedish spaCy pipeline: how it tokenizes plans, and loading it offline.

The pipeline (built by ``models/build.py`` from the UD treebanks) is shipped inside the
installed package as ``planparse_models/sv_planparse`` and loaded from there, never from
a network. Its tokenizer knows how plans write numbers ("1 000", "1 000" with a no-break
space, "4-6", "5 000:-", "5%") and the abbreviations that do not end a sentence ("st.",
"ca.", "c:a", "nr.", "ordf.", "jfr.", "bl.a.", "t.ex.", "s.k.").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, MORPH, POS
from spacy.language import Language, create_tokenizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex, compile_suffix_regex

from .lexicon import ABBREVIATIONS

NUMBER_GROUP = regex.compile(r"^\d{3}$")
LEADING_GROUP = regex.compile(r"^\d{1,3}$")
SPACED_DIGITS = regex.compile(r"\d\s+\d")


@spacy.registry.tokenizers("planparse.Tokenizer.v1")
def plan_tokenizer():
    """An empty tokenizer for the saved pipeline to fill in.

    The tokenizer's rules are saved with the pipeline (``sv_tokenizer_rules`` sets them
    when the model is built). Loading then reads them from disk. spaCy's default factory
    would first compile the default Swedish patterns, only for them to be replaced; that
    takes 0.1 s of every start-up."""

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


@spacy.registry.callbacks("planparse.sv_tokenizer_rules.v1")
def sv_tokenizer_rules():
    """Sets up spaCy's Swedish tokenizer with the plan-number and abbreviation rules, when the
    pipeline is built (``[initialize.before_init]``); the result is saved with the model."""

    def customize(nlp: Language) -> Language:
        tokenizer = create_tokenizer()(nlp)
        infixes = list(nlp.Defaults.infixes) + [r"(?<=\d)[-–](?=\d)", r"(?<=\d)/(?=\p{L})".replace(r"\p{L}", "[^\\W\\d_]")]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        suffixes = [r":-"] + list(nlp.Defaults.suffixes)
        tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        for abbreviation in ABBREVIATIONS:
            for form in (abbreviation + ".", abbreviation.capitalize() + "."):
                tokenizer.add_special_case(form, [{"ORTH": form}])
        nlp.tokenizer = tokenizer
        return nlp

    return customize


@Language.component("planparse_number_groups")
def number_groups(doc: Doc) -> Doc:
    """Merge digit groups split by a space or no-break space into one token: "1 000"."""
    if not SPACED_DIGITS.search(doc.text):
        return doc  # most texts have no such number: not worth a walk over every token
    text = doc.text  # built anew on every access: once here keeps the walk linear
    spans = []
    i = 0
    while i < len(doc):
        start = i
        if LEADING_GROUP.match(doc[i].text):
            j = i
            while j + 1 < len(doc):
                nxt = doc[j + 1]
                gap = text[doc[j].idx + len(doc[j].text):nxt.idx]
                if gap in (" ", "\u00a0", "\u202f") and NUMBER_GROUP.match(nxt.text):
                    j += 1
                elif nxt.is_space and nxt.text in ("\u00a0", "\u202f") and j + 2 < len(doc) \
                        and NUMBER_GROUP.match(doc[j + 2].text):
                    j += 2
                else:
                    break
            if j > i:
                spans.append(doc[start:j + 1])
                i = j
        i += 1
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


@dataclass(frozen=True, slots=True)
class Word:
    """What the pipeline says of one word: where it is, its part of speech and features.

    ``feats`` are the features as ``"Tense=Past"`` strings, the form the target rules test;
    words of one tag share one set, made once (see ``_tag_of``)."""

    text: str
    start: int
    pos: str
    feats: frozenset[str]

    @property
    def morph(self) -> dict[str, str]:
        """The features by name: ``{"Tense": "Past", "VerbForm": "Fin"}``."""
        return dict(f.split("=", 1) for f in self.feats)


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shipped pipeline, loaded once (from the installed package, offline)."""
    path = resources.files("planparse_models").joinpath("sv_planparse")
    return spacy.load(str(path))


#: characters of one text that are tagged (README, "Limits"): spaCy refuses texts over a
#: million characters and takes gigabytes on the way there; words past this are untagged
MAX_TAGGED_CHARS = 100_000


def analyse(text: str) -> list[Word]:
    return _words(pipeline()(text[:MAX_TAGGED_CHARS]))


def analyse_many(texts: list[str]) -> list[list[Word]]:
    """The words of many texts, tagged in batches (much cheaper than one call each)."""
    return [_words(doc) for doc in pipeline().pipe((t[:MAX_TAGGED_CHARS] for t in texts), batch_size=64)]


#: the columns of a tagged text that make its words: read as one array, since a spaCy
#: Token object per word costs more than the word itself
WORD_COLUMNS = [IDX, LENGTH, POS, MORPH, IS_SPACE]

#: (part of speech, morphology) ids -> the tag a Word carries. The morphologizer has a fixed
#: set of labels, so this stays as small as that set.
_TAGS: dict[tuple[int, int], tuple[str, frozenset[str]]] = {}


def _words(doc: Doc) -> list[Word]:
    """The words of a tagged text, white space left out.

    >>> [(w.text, w.start, w.pos) for w in _words(pipeline()("Vi har 1 000  medlemmar."))]
    [('Vi', 0, 'PRON'), ('har', 3, 'VERB'), ('1 000', 7, 'NUM'), ('medlemmar', 14, 'NOUN'), ('.', 23, 'PUNCT')]
    """
    text = doc.text  # built anew on every access
    words = []
    for i, (start, length, pos, morph, space) in enumerate(doc.to_array(WORD_COLUMNS).tolist()):
        if not space:
            pos_, feats = _TAGS.get((pos, morph)) or _tag_of(doc[i])
            words.append(Word(text[start:start + length], start, pos_, feats))
    return words


def _tag_of(token: Token) -> tuple[str, frozenset[str]]:
    """The part of speech and features of ``token``, remembered for its tag's ids."""
    tag = (token.pos_, frozenset(f"{k}={v}" for k, v in token.morph.to_dict().items()))
    _TAGS[(token.pos, token.morph.key)] = tag
    return tag
