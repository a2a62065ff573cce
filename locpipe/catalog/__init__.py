"""Gettext catalogs: the model (no I/O), PO/POT reading and writing, merging."""
