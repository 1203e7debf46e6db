"""Text as the library reads it: one source text per input, its normalised form, HTML reading,
the shared pattern pieces and the Vietnamese vocabulary.

- :mod:`~vngovdirectives.text.source`: :class:`~vngovdirectives.text.source.SourceText`, an input read once;
- :mod:`~vngovdirectives.text.normalize`: NFC and look-alike folding with a map back to the input;
- :mod:`~vngovdirectives.text.html`: the readable text of an HTML page with a map back to the markup;
- :mod:`~vngovdirectives.text.patterns`: regular-expression pieces and the years a text may name;
- :mod:`~vngovdirectives.text.vocab`: the word lists of ``data/vocab/``.
"""
