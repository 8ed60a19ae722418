"""Step 3 of the events stage: coding happenings, in PLOVER and CAMEO (`plover.py`) and ACLED (`acled.py`)."""
