"""Registers planparse's tokenizer rules and components for `spacy train --code`."""
import planparse.nlp  # noqa: F401
