"""Scorers: veille events against gold codings (ours and public gold sets)."""
