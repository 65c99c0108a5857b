"""The ways elfcorpus breaks an executable; taskman's test image holds bad_<kind> for each."""

ELF_CORPUS_KINDS = [
    "truncated",
    "magic",
    "type",
    "machine",
    "phoff",
    "phnum",
    "seg_file",
    "filesz",
    "overlap",
    "kernel",
    "entry",
    "wx",
    "huge",
]
