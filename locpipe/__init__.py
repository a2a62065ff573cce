"""locpipe: localise Tilda website exports through gettext catalogs."""

__version__ = "0.1.0"
