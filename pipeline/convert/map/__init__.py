"""Map stage, in the worker: the extracted rows -> codebook fields. map.py leads (rows joined, sections
matched, the result assembled); labels.py scores a label against a field by spelling and by meaning;
align.py pairs a section's rows with its fields in order (and the facts box best first); fit.py says
whether a value reads as a field's type (a structural match); edition.py reads the report's language and
methodology. The codebook's lookup tables and word stems every stage shares are ../lexicon.py and
../meaning.py.
"""
