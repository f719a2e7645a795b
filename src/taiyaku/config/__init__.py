"""Configuration: the options (:mod:`.options`), reading them (:mod:`.loading`) and the
rule selection they make (:mod:`.selection`)."""
