"""The headless core: content model, answers, scoring, ledger. Stdlib only."""
