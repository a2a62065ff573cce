"""The commands behind the CLI, one module each, callable from any program.

Each command is a function of the settings (``Config``) and plain arguments that
returns plain values (a dataclass outcome) and raises a ``LocpipeError`` for bad
input; ``locpipe/cli.py`` parses the options, calls it and prints what it returns.
Nothing is imported here, so that ``locpipe --help`` loads no command.
"""
